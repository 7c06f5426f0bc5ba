package app.proxyme.engine.adapter.openfga;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.FgaSettings;
import app.proxyme.engine.fga.RemoteModel;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import java.util.List;

/**
 * A connection to an OpenFGA server or Auth0 FGA and what the engine uses of it: the relationship check, the
 * remote tuples and model of policy imports, and the model sync ({@code fga-sync}, and at start without a model id).
 * Without a configured model id nothing names a model: the server answers with the store's newest, so a model one
 * instance writes is the one every instance uses from its next call on.
 */
public final class OpenFga implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OpenFga.class.getName());

    private final OpenFgaConnection connection;
    private final RelationshipCheck check;
    private final RemoteTuples remote;
    private final RemoteModel model;

    private OpenFga(OpenFgaConnection connection) {
        this.connection = connection;
        this.check = new OpenFgaRelationshipCheck(connection);
        this.remote = new OpenFgaRemoteTuples(connection);
        this.model = new OpenFgaRemoteModel(connection);
    }

    /** Connects without writing anything. */
    public static OpenFga open(FgaSettings settings) {
        return new OpenFga(new OpenFgaConnection(settings));
    }

    /** Connects; without a model id, writes the model (and the tuples when the store has none). */
    public static OpenFga connect(FgaSettings settings, FgaModel model, List<Tuple> tuples) {
        var fga = new OpenFga(new OpenFgaConnection(settings));
        if (!settings.hasModelId()) {
            try {
                fga.sync(model, tuples);
            } catch (RuntimeException e) {
                fga.close();
                throw e;
            }
        }
        return fga;
    }

    /** Writes the model and, if the store is empty, the tuples; returns the new model's id. */
    public String sync(FgaModel model, List<Tuple> tuples) {
        var synced = OpenFgaModelSync.sync(connection, model, tuples);
        LOG.log(
                System.Logger.Level.INFO,
                "OpenFGA model " + synced.modelId() + " written; " + synced.tuplesWritten() + " tuples written");
        return synced.modelId();
    }

    public RelationshipCheck relationshipCheck() {
        return check;
    }

    public RemoteTuples remoteTuples() {
        return remote;
    }

    /** Where a policy change that adds or changes a condition writes the new model. */
    public RemoteModel remoteModel() {
        return model;
    }

    @Override
    public void close() {
        connection.close();
    }
}
