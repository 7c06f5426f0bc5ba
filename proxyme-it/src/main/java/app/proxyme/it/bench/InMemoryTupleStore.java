package app.proxyme.it.bench;

import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Tuples in memory: the benchmarks measure the evaluator, not the database. */
final class InMemoryTupleStore implements TupleStore {
    private final Set<Tuple> tuples = ConcurrentHashMap.newKeySet();
    private final AtomicLong version = new AtomicLong();

    @Override
    public void write(Collection<Tuple> added) {
        tuples.addAll(added);
        version.incrementAndGet();
    }

    @Override
    public void delete(Collection<Tuple> removed) {
        tuples.removeAll(removed);
        version.incrementAndGet();
    }

    @Override
    public List<Tuple> read(String objectPrefix) {
        return tuples.stream().filter(t -> t.object().startsWith(objectPrefix)).toList();
    }

    @Override
    public long version() {
        return version.get();
    }
}
