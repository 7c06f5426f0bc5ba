package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.ConsentDecision;
import app.proxyme.domain.aci.ConsentResult;
import app.proxyme.domain.aci.EnvelopeContent;
import app.proxyme.domain.aci.StartChain;
import app.proxyme.domain.handoff.ChainControl;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.HandOff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's side of ACI.md: grants and the kill switch, starting and revoking chains, consents, and a chain's
 * timeline (also for admins and compliance reviewers).
 */
@ApplicationScoped
@Path("/api/aci")
@Produces(MediaType.APPLICATION_JSON)
public class AciResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HandOff gateway;
    private final ChainControl control;
    private final ChainTimeline timeline;

    @Inject
    public AciResource(HandOff gateway, ChainControl control, ChainTimeline timeline) {
        this.gateway = gateway;
        this.control = control;
        this.timeline = timeline;
    }

    protected AciResource() {
        this(null, null, null);
    }

    @GET
    @Path("/grants")
    public Map<String, List<String>> grants(@Context ContainerRequestContext rq) {
        return timeline.grants(Caller.of(rq));
    }

    @PUT
    @Path("/grants/{agentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> grant(
            @PathParam("agentId") String agentId, JsonNode body, @Context ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        List<String> permissions = strings(body, "permissions");
        control.grant(m.org(), m.email(), agentId, permissions);
        return Map.of("agent", agentId, "permissions", permissions);
    }

    @DELETE
    @Path("/grants/{agentId}")
    public Response revoke(@PathParam("agentId") String agentId, @Context ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        control.revoke(m.org(), m.email(), agentId);
        return Response.noContent().build();
    }

    @POST
    @Path("/chains")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonNode body, @Context ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        if (body == null || !body.isObject()) {
            throw DomainException.badRequest("the body is a JSON object");
        }
        JsonNode content = body.path("content");
        var command = new StartChain(
                m.org(),
                m.email(),
                text(body, "to"),
                strings(body, "permissions"),
                body.path("reason").asText(null),
                new EnvelopeContent(
                        content.path("primary").asText(null),
                        content.path("context").asText(null),
                        content.has("confidence") ? content.get("confidence").asDouble() : null),
                body.has("resonance") ? JSON.convertValue(body.get("resonance"), Map.class) : Map.of(),
                body.has("redlines") ? strings(body, "redlines") : List.of(),
                body.path("maxDepth").asInt(0),
                body.path("meetingId").asText(null));
        return Response.status(Response.Status.CREATED)
                .entity(AciViews.hopResult(gateway.start(command)))
                .build();
    }

    @GET
    @Path("/chains")
    public List<Map<String, Object>> chains(@QueryParam("limit") Integer limit, @Context ContainerRequestContext rq) {
        return timeline.chains(Caller.of(rq), limit == null ? 100 : limit).stream()
                .map(AciViews::chain)
                .toList();
    }

    @GET
    @Path("/chains/{chainId}")
    public Map<String, Object> chain(@PathParam("chainId") String chainId, @Context ContainerRequestContext rq) {
        return AciViews.timeline(timeline.timeline(Caller.of(rq), chainId));
    }

    @POST
    @Path("/chains/{chainId}/revoke")
    public Map<String, Object> revokeChain(@PathParam("chainId") String chainId, @Context ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        control.revokeChain(m.org(), m.email(), chainId);
        return Map.of("chainId", chainId, "status", "REVOKED");
    }

    @GET
    @Path("/consents")
    public List<Map<String, Object>> consents(
            @QueryParam("status") String status, @Context ContainerRequestContext rq) {
        if (status != null && !status.equals("PENDING")) {
            throw DomainException.badRequest("only status=PENDING is listed");
        }
        return timeline.pendingConsents(Caller.of(rq)).stream()
                .map(app.proxyme.web.app.Messages::consentView)
                .toList();
    }

    @POST
    @Path("/consents/{consentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> decide(
            @PathParam("consentId") String consentId, JsonNode body, @Context ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        ConsentDecision decision;
        try {
            decision = ConsentDecision.valueOf(text(body, "decision"));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("decision is ALLOW, ALLOW_ONCE or DENY");
        }
        ConsentResult r = gateway.decide(m.org(), m.email(), consentId, decision);
        var out = new LinkedHashMap<String, Object>();
        out.put("consentId", r.consentId());
        out.put("status", r.status().name());
        out.put("handoffId", r.handoffId());
        out.put("handoffStatus", r.handoffStatus().name());
        return out;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || !v.isTextual()) {
            throw DomainException.badRequest(field + " is required (a string)");
        }
        return v.asText();
    }

    static List<String> strings(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || !v.isArray()) {
            throw DomainException.badRequest(field + " is required (a list of strings)");
        }
        var out = new ArrayList<String>();
        v.forEach(e -> {
            if (!e.isTextual()) {
                throw DomainException.badRequest(field + " is a list of strings");
            }
            out.add(e.asText());
        });
        return out;
    }
}
