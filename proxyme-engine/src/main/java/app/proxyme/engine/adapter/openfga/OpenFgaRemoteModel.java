package app.proxyme.engine.adapter.openfga;

import app.proxyme.domain.DomainException;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.RemoteModel;

/**
 * Writes a policy change's model to the store through the SDK. The connection names no model id, so the model
 * written is the one every instance's next check and write is answered with. A connection pinned to a model id
 * ({@code PROXYME_FGA_MODEL_ID}) cannot follow a new model, so it refuses to write one.
 */
final class OpenFgaRemoteModel implements RemoteModel {
    private static final System.Logger LOG = System.getLogger(OpenFgaRemoteModel.class.getName());

    private final OpenFgaConnection connection;

    OpenFgaRemoteModel(OpenFgaConnection connection) {
        this.connection = connection;
    }

    @Override
    public String write(FgaModel model) {
        String pinned = connection.pinnedModel();
        if (pinned != null) {
            throw DomainException.conflict("PROXYME_FGA_MODEL_ID pins the OpenFGA model " + pinned
                    + ", which cannot take a change of the policy's auto_when conditions; without it, the instances use"
                    + " the store's newest model and a policy change writes one");
        }
        String id = OpenFgaModelSync.write(connection, model);
        LOG.log(
                System.Logger.Level.INFO,
                "OpenFGA model " + id + " written with " + model.conditions().size() + " conditions");
        return id;
    }
}
