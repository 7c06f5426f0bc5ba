package app.proxyme.web.rest;

import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.port.in.HandOff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' side of ACI.md: client credentials for a token (embedded mode), the inbox (long-poll, each item once),
 * hand-offs, and a hop's status. Agent calls carry the agent's bearer token; {@link BearerFilter} lets them through.
 */
@ApplicationScoped
@Path("/api/aci")
@Produces(MediaType.APPLICATION_JSON)
public class AgentApiResource {
    /** The longest an inbox read waits for work. */
    static final int MAX_WAIT_S = 30;

    private static final long POLL_MS = 100;

    private final HandOff gateway;
    private final AgentDirectory directory;
    private final ChainTimeline timeline;

    @Inject
    public AgentApiResource(HandOff gateway, AgentDirectory directory, ChainTimeline timeline) {
        this.gateway = gateway;
        this.directory = directory;
        this.timeline = timeline;
    }

    protected AgentApiResource() {
        this(null, null, null);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!"client_credentials".equals(grantType)) {
            return Response.status(400)
                    .entity(Map.of("error", "unsupported_grant_type", "detail", "grant_type is client_credentials"))
                    .build();
        }
        return directory
                .token(clientId, clientSecret)
                .map(issued -> Response.ok(Map.of(
                                "access_token", issued.accessToken(),
                                "token_type", "Bearer",
                                "expires_in", issued.expiresInSeconds()))
                        .header("Cache-Control", "no-store")
                        .build())
                .orElseGet(() -> Response.status(401)
                        .entity(Map.of("error", "invalid_client", "detail", "unknown client or wrong secret"))
                        .build());
    }

    @GET
    @Path("/inbox")
    public List<Map<String, Object>> inbox(
            @QueryParam("wait") Integer wait, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
            throws InterruptedException {
        String bearer = bearer(authorization);
        long until = System.nanoTime() + Math.max(0, Math.min(wait == null ? 0 : wait, MAX_WAIT_S)) * 1_000_000_000L;
        List<Delivery> items = gateway.inbox(bearer, 50);
        while (items.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(POLL_MS);
            items = gateway.inbox(bearer, 50);
        }
        return items.stream()
                .map(d -> Map.<String, Object>of(
                        "handoffId", d.handoffId(), "envelope", d.envelope().toMap()))
                .toList();
    }

    @POST
    @Path("/handoffs")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response handOff(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Response.accepted(AciViews.hopResult(gateway.submit(bearer(authorization), body)))
                .build();
    }

    @GET
    @Path("/handoffs/{handoffId}")
    public Map<String, Object> status(
            @PathParam("handoffId") String handoffId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context ContainerRequestContext rq) {
        Hop hop = rq.getProperty(Caller.PROPERTY) != null
                ? timeline.hop(Caller.of(rq), handoffId)
                : timeline.hopForAgent(bearer(authorization), handoffId);
        var out = new LinkedHashMap<String, Object>();
        out.put("handoffId", hop.handoffId());
        out.put("status", hop.status().name());
        if (hop.error() != null) {
            out.put("error", hop.error());
        }
        return out;
    }

    private static String bearer(String header) {
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
    }
}
