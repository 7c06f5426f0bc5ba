package app.proxyme.engine.fga;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tuples in memory, one per {@link Tuple#key() key} (writing a tuple again replaces its condition): for tests, tools
 * and evaluating a model without a database. Thread-safe.
 */
public final class InMemoryTupleStore implements TupleStore {
    private final Map<String, Tuple> tuples = new LinkedHashMap<>();
    private final AtomicLong version = new AtomicLong();

    @Override
    public synchronized void write(Collection<Tuple> add) {
        add.forEach(t -> tuples.put(t.key(), t));
        version.incrementAndGet();
    }

    @Override
    public synchronized void delete(Collection<Tuple> remove) {
        remove.forEach(t -> tuples.remove(t.key()));
        version.incrementAndGet();
    }

    @Override
    public synchronized List<Tuple> read(String objectPrefix) {
        String prefix = objectPrefix == null ? "" : objectPrefix;
        var list = new ArrayList<Tuple>();
        for (Tuple t : tuples.values()) {
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
