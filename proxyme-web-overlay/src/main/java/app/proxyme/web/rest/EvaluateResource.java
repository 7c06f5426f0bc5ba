package app.proxyme.web.rest;

import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.web.app.DecisionJson;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code POST /api/policy/evaluate}: a dry run of the whole decision, without generation or record. */
@ApplicationScoped
@Path("/api/policy/evaluate")
public class EvaluateResource {
    /** The request body. */
    public record EvaluateRequest(String user, String text) {}

    private final EvaluatePolicy playground;

    @Inject
    public EvaluateResource(EvaluatePolicy playground) {
        this.playground = playground;
    }

    protected EvaluateResource() {
        this.playground = null;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Evaluated evaluate(EvaluateRequest body, @Context ContainerRequestContext request) {
        if (body == null) {
            throw app.proxyme.domain.DomainException.badRequest("a JSON body {\"user\",\"text\"} is required");
        }
        DryRun e = playground.evaluate(Caller.of(request), body.user(), body.text());
        return new Evaluated(
                DecisionJson.of(e.decision()),
                e.classification().ranked().stream()
                        .limit(3)
                        .map(s -> new Candidate(s.topic(), DecisionJson.rounded(s.confidence())))
                        .toList());
    }

    /** The dry run's answer: the decision's wire form and the classifier's top candidates. */
    public record Evaluated(@JsonUnwrapped DecisionJson decision, List<Candidate> candidates) {}

    /** A topic the classifier ranked, with its confidence. */
    public record Candidate(String topic, double confidence) {}
}
