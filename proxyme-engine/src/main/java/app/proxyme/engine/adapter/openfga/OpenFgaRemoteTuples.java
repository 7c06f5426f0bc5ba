package app.proxyme.engine.adapter.openfga;

import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import dev.openfga.sdk.api.client.model.ClientRelationshipCondition;
import dev.openfga.sdk.api.client.model.ClientTupleKey;
import dev.openfga.sdk.api.client.model.ClientTupleKeyWithoutCondition;
import dev.openfga.sdk.api.client.model.ClientWriteRequest;
import dev.openfga.sdk.api.configuration.ClientWriteOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tuple changes to the server in transactional requests of at most {@link #PER_REQUEST} tuples (OpenFGA's
 * limit), writes and deletes together. When a request fails, the requests already applied are undone in reverse
 * order and the failure names what was undone.
 */
final class OpenFgaRemoteTuples implements RemoteTuples {
    static final int PER_REQUEST = 100;

    private final OpenFgaConnection connection;

    OpenFgaRemoteTuples(OpenFgaConnection connection) {
        this.connection = connection;
    }

    /** One transactional request. */
    private record Batch(List<Tuple> writes, List<Tuple> deletes) {}

    @Override
    public Applied apply(List<Tuple> writes, List<Tuple> deletes) {
        var batches = batches(writes, deletes);
        var done = new ArrayList<Batch>();
        for (Batch b : batches) {
            try {
                send(b);
                done.add(b);
            } catch (RuntimeException e) {
                String undone = undo(done);
                throw new RemoteTuplesException(
                        "FGA write " + (done.size() + 1) + " of " + batches.size() + " failed (" + e.getMessage()
                                + "); " + undone,
                        e);
            }
        }
        return new Applied(batches.size(), writes.size() + deletes.size());
    }

    private String undo(List<Batch> done) {
        if (done.isEmpty()) {
            return "nothing had been written";
        }
        for (int i = done.size() - 1; i >= 0; i--) {
            Batch b = done.get(i);
            try {
                send(new Batch(b.deletes(), b.writes()));
            } catch (RuntimeException e) {
                return "undoing the " + done.size() + " earlier writes failed at write " + (i + 1)
                        + ": the server holds a partial change (" + e.getMessage() + ")";
            }
        }
        return "the " + done.size() + " earlier writes were undone";
    }

    private void send(Batch b) {
        var request = new ClientWriteRequest()
                .writes(b.writes().stream().map(OpenFgaRemoteTuples::key).toList())
                .deletes(b.deletes().stream()
                        .map(t -> new ClientTupleKeyWithoutCondition()
                                .user(t.user())
                                .relation(t.relation())
                                ._object(t.object()))
                        .toList());
        connection.call(
                "write", client -> client.write(request, new ClientWriteOptions().transactionChunkSize(PER_REQUEST)));
    }

    /** The tuple as the SDK writes it, with its condition and stored context. */
    private static ClientTupleKey key(Tuple t) {
        var key = new ClientTupleKey();
        key.user(t.user()).relation(t.relation())._object(t.object());
        if (t.condition() != null) {
            key.condition(new ClientRelationshipCondition()
                    .name(t.condition().name())
                    .context(
                            t.condition().context().isEmpty()
                                    ? null
                                    : t.condition().context()));
        }
        return key;
    }

    private static List<Batch> batches(List<Tuple> writes, List<Tuple> deletes) {
        var all = new ArrayList<Batch>();
        var w = new ArrayList<Tuple>();
        var d = new ArrayList<Tuple>();
        for (Tuple t : deletes) {
            d.add(t);
            if (d.size() == PER_REQUEST) {
                all.add(new Batch(List.of(), List.copyOf(d)));
                d.clear();
            }
        }
        for (Tuple t : writes) {
            w.add(t);
            if (w.size() + d.size() == PER_REQUEST) {
                all.add(new Batch(List.copyOf(w), List.copyOf(d)));
                w.clear();
                d.clear();
            }
        }
        if (!w.isEmpty() || !d.isEmpty()) {
            all.add(new Batch(List.copyOf(w), List.copyOf(d)));
        }
        return all;
    }
}
