package app.proxyme.engine.fga;

import java.util.Objects;

/**
 * What a policy change writes outside the database when FGA is an OpenFGA server: its tuples, a new model when the
 * change touches the {@code auto_when} conditions, and the lease under which one instance at a time does the latter.
 * Embedded mode writes nothing outside ({@link #EMBEDDED}).
 */
public record RemoteFga(RemoteTuples tuples, RemoteModel model, RemoteModelLease lease) {
    /** Embedded mode: the database transaction carries everything. */
    public static final RemoteFga EMBEDDED = new RemoteFga(RemoteTuples.NONE, RemoteModel.NONE, RemoteModelLease.NONE);

    public RemoteFga {
        Objects.requireNonNull(tuples, "tuples");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(lease, "lease");
    }

    /** Tuples written outside, no model (the tests of a server's tuple writes). */
    public static RemoteFga tuplesOnly(RemoteTuples tuples) {
        return new RemoteFga(tuples, RemoteModel.NONE, RemoteModelLease.NONE);
    }
}
