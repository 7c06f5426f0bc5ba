package app.proxyme.web.rest;

import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.chunk.ChunkPipeline;
import app.proxyme.domain.chunk.DryRun;
import app.proxyme.engine.ProxyMe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/policy/evaluate}: a dry run of the whole decision, without generation or record. */
@ApplicationScoped
@Path("/api/policy/evaluate")
public class EvaluateResource {
    /** The request body. */
    public record EvaluateRequest(String user, String text) {}

    private final ProxyMe proxyMe;

    @Inject
    public EvaluateResource(ProxyMe proxyMe) {
        this.proxyMe = proxyMe;
    }

    protected EvaluateResource() {
        this.proxyMe = null;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> evaluate(EvaluateRequest body, @Context ContainerRequestContext request) {
        if (body == null) {
            throw app.proxyme.domain.DomainException.badRequest("a JSON body {\"user\",\"text\"} is required");
        }
        DryRun e = proxyMe.playground().evaluate(Caller.of(request), body.user(), body.text());
        Decision d = e.decision();
        var out = new LinkedHashMap<String, Object>();
        out.put("question", d.question());
        out.put("topic", d.topic());
        out.put("confidence", Math.round(d.confidence() * 1000) / 1000.0);
        out.put("outcome", d.outcome().name());
        out.put("layer", d.layer().wire());
        out.put("reason", d.reason());
        out.put("trace", d.trace().stream().map(ChunkPipeline::traceMap).toList());
        out.put("candidates", e.classification().ranked().stream().limit(3)
                .map(s -> Map.of("topic", s.topic(), "confidence", Math.round(s.confidence() * 1000) / 1000.0))
                .toList());
        return out;
    }
}
