package app.proxyme.engine.adapter.openfga;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.Tuple;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfga.sdk.api.client.model.ClientReadRequest;
import dev.openfga.sdk.api.configuration.ClientReadOptions;
import dev.openfga.sdk.api.model.WriteAuthorizationModelRequest;
import java.util.List;

/**
 * Writes the runtime model to the store, and the organisations' tuples when the store has none. The model written
 * becomes the store's newest; a connection pinned to a model id ({@code fga-sync} with one configured) moves to it.
 */
final class OpenFgaModelSync {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OpenFgaModelSync() {}

    /** What a sync did. */
    record Synced(String modelId, int tuplesWritten) {}

    static Synced sync(OpenFgaConnection connection, FgaModel model, List<Tuple> tuples) {
        String modelId = write(connection, model);
        if (connection.pinnedModel() != null) {
            connection.useModel(modelId);
        }
        boolean empty = connection
                .call("read", c -> c.read(new ClientReadRequest(), new ClientReadOptions().pageSize(1)))
                .getTuples()
                .isEmpty();
        int written = 0;
        if (empty && !tuples.isEmpty()) {
            new OpenFgaRemoteTuples(connection).apply(tuples, List.of());
            written = tuples.size();
        }
        return new Synced(modelId, written);
    }

    /** Writes the model as the store's newest and returns its id; nothing else changes. */
    static String write(OpenFgaConnection connection, FgaModel model) {
        WriteAuthorizationModelRequest request;
        try {
            request = JSON.readValue(model.json(), WriteAuthorizationModelRequest.class);
        } catch (Exception e) {
            throw new IllegalStateException("the model does not map to the SDK's request: " + e.getMessage(), e);
        }
        String modelId = connection
                .call("write model", c -> c.writeAuthorizationModel(request))
                .getAuthorizationModelId();
        if (modelId == null || modelId.isBlank()) {
            throw new DependencyUnavailableException("fga", "the server returned no model id");
        }
        return modelId;
    }
}
