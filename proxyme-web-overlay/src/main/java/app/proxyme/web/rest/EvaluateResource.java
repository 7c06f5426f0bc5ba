package app.proxyme.web.rest;

import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.web.app.DecisionJson;
import app.proxyme.web.app.RequestLimiter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/policy/evaluate}: a dry run of the whole decision, without generation or record. */
@ApplicationScoped
@Path("/api/policy/evaluate")
public class EvaluateResource {
    /** The request body. */
    public record EvaluateRequest(String user, String text, Map<String, Object> context) {}

    private final EvaluatePolicy playground;
    private final RequestLimiter limiter;

    @Inject
    public EvaluateResource(EvaluatePolicy playground, RequestLimiter limiter) {
        this.playground = playground;
        this.limiter = limiter;
    }

    protected EvaluateResource() {
        this.playground = null;
        this.limiter = null;
    }

    /**
     * The dry run, for the caller themself or, by an admin, for another member; {@code 429} with {@code Retry-After}
     * beyond the caller's rate ({@code PROXYME_EVALUATE_PER_MINUTE}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response evaluate(EvaluateRequest body, @Context ContainerRequestContext request) {
        Member caller = Caller.of(request);
        Optional<Duration> wait = limiter.take(caller.org() + "/" + caller.email());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Response.status(429)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of(
                            "error",
                            "rate_limited",
                            "message",
                            "more than " + limiter.perMinute() + " dry runs a minute: try again in " + seconds + " s"))
                    .build();
        }
        if (body == null) {
            throw app.proxyme.domain.DomainException.badRequest("a JSON body {\"user\",\"text\"} is required");
        }
        DryRun e = playground.evaluate(
                caller, body.user(), body.text(), body.context() == null ? Map.of() : body.context());
        return Response.ok(evaluated(e)).build();
    }

    private static Evaluated evaluated(DryRun e) {
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
