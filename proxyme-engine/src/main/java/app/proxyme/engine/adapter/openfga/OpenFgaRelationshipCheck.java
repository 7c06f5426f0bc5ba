package app.proxyme.engine.adapter.openfga;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import dev.openfga.sdk.api.client.model.ClientBatchCheckItem;
import dev.openfga.sdk.api.client.model.ClientBatchCheckRequest;
import dev.openfga.sdk.api.client.model.ClientBatchCheckSingleResponse;
import dev.openfga.sdk.api.configuration.ClientBatchCheckOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Relationship checks against an OpenFGA server or Auth0 FGA: one {@code batch-check} request per chunk of at most
 * {@link #CHUNK} queries with their context, nothing cached. A check the server refuses as invalid input (unknown
 * relation, a condition's context missing or of the wrong type) is {@code false}; any other failure makes the whole answer unavailable, so the core fails closed.
 */
public final class OpenFgaRelationshipCheck implements RelationshipCheck {
    /** OpenFGA's default limit of checks per batch. */
    static final int CHUNK = 50;

    private final OpenFgaConnection connection;

    OpenFgaRelationshipCheck(OpenFgaConnection connection) {
        this.connection = connection;
    }

    @Override
    public List<Boolean> check(List<RelationshipQuery> queries) {
        var answers = new ArrayList<Boolean>(queries.size());
        for (int from = 0; from < queries.size(); from += CHUNK) {
            answers.addAll(chunk(queries.subList(from, Math.min(queries.size(), from + CHUNK))));
        }
        return answers;
    }

    private List<Boolean> chunk(List<RelationshipQuery> queries) {
        var items = new ArrayList<ClientBatchCheckItem>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            RelationshipQuery q = queries.get(i);
            var item = new ClientBatchCheckItem()
                    .user(q.user())
                    .relation(q.relation())
                    ._object(q.object())
                    .correlationId("q" + i);
            items.add(q.context().isEmpty() ? item : item.context(q.context()));
        }
        var response = connection.call(
                "batch-check",
                client -> client.batchCheck(
                        ClientBatchCheckRequest.ofChecks(items),
                        new ClientBatchCheckOptions().maxBatchSize(CHUNK).maxParallelRequests(1)));
        Map<String, ClientBatchCheckSingleResponse> byId = new HashMap<>();
        for (var r : response.getResult()) {
            byId.put(r.getCorrelationId(), r);
        }
        var answers = new ArrayList<Boolean>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            var r = byId.get("q" + i);
            if (r == null) {
                throw new DependencyUnavailableException("fga", "batch-check answered no result for a query");
            }
            if (r.getError() != null && r.getError().getInputError() == null) {
                throw new DependencyUnavailableException("fga", "check failed: " + r.getError());
            }
            answers.add(r.getError() == null && r.isAllowed());
        }
        return answers;
    }
}
