package app.proxyme.engine.fga;

import java.util.List;

/**
 * Where tuples live outside the database (an OpenFGA server). A policy import writes there first, then to the
 * database; embedded mode has nothing to write ({@link #NONE}).
 */
public interface RemoteTuples {
    /** Embedded mode: the database transaction carries the tuples. */
    RemoteTuples NONE = (writes, deletes) -> new Applied(0, 0);

    /** What an {@link #apply} wrote: the number of requests and of tuples. */
    record Applied(int requests, int tuples) {}

    /**
     * Writes and deletes the tuples in as few requests as the server allows; if a later request fails, undoes the
     * earlier ones and throws {@link RemoteTuplesException} saying so.
     */
    Applied apply(List<Tuple> writes, List<Tuple> deletes);

    /** Applies the inverse change (used when the database write fails after a remote write succeeded). */
    default void undo(List<Tuple> writes, List<Tuple> deletes) {
        apply(deletes, writes);
    }

    /** A remote write that failed, with what was undone. */
    final class RemoteTuplesException extends RuntimeException {
        public RemoteTuplesException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
