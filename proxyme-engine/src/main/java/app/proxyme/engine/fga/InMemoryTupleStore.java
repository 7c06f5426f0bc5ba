package app.proxyme.engine.fga;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Tuples in memory: for tests, tools and evaluating a model without a database. Thread-safe. */
public final class InMemoryTupleStore implements TupleStore {
    private final Set<Tuple> tuples = new LinkedHashSet<>();
    private final AtomicLong version = new AtomicLong();

    @Override
    public synchronized void write(Collection<Tuple> add) {
        tuples.addAll(add);
        version.incrementAndGet();
    }

    @Override
    public synchronized void delete(Collection<Tuple> remove) {
        tuples.removeAll(remove);
        version.incrementAndGet();
    }

    @Override
    public synchronized List<Tuple> read(String objectPrefix) {
        String prefix = objectPrefix == null ? "" : objectPrefix;
        var list = new ArrayList<Tuple>();
        for (Tuple t : tuples) {
            if (t.object().startsWith(prefix)) {
                list.add(t);
            }
        }
        return list;
    }

    @Override
    public long version() {
        return version.get();
    }
}
