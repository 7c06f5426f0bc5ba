package app.proxyme.engine.fga;

import java.util.Collection;
import java.util.List;

/** Durable FGA tuples, shared by all organisations (object ids carry the organisation). */
public interface TupleStore {
    /** Adds the tuples (those already present are kept) in one transaction. */
    void write(Collection<Tuple> tuples);

    /** Removes the tuples (absent ones are ignored) in one transaction. */
    void delete(Collection<Tuple> tuples);

    /** Every tuple whose object starts with {@code objectPrefix} ({@code ""} for all). */
    List<Tuple> read(String objectPrefix);

    /**
     * A counter that changes whenever tuples are written through this store (or a policy rewrites them), so that
     * evaluators may cache what they derive from the tuples.
     */
    long version();
}
