package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.AgentDirectory;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.ChainTimeline;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.port.in.HandOff;
import app.proxyme.domain.port.out.AgentAuthentication;
import app.proxyme.engine.adapter.jose.EmbeddedAgentTokens;
import app.proxyme.web.boot.AciSettings;
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
    private final EmbeddedAgentTokens tokens;
    private final AgentAuthentication agents;
    private final AciSettings settings;

    @Inject
    public AgentApiResource(
            HandOff gateway,
            AgentDirectory directory,
            ChainTimeline timeline,
            EmbeddedAgentTokens tokens,
            app.proxyme.domain.aci.GatewayPorts ports,
            AciSettings settings) {
        this.gateway = gateway;
        this.directory = directory;
        this.timeline = timeline;
        this.tokens = tokens;
        this.agents = ports == null ? null : ports.authentication();
        this.settings = settings;
    }

    protected AgentApiResource() {
        this(null, null, null, null, null, null);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!settings.agentAuth().equals("embedded")) {
            throw DomainException.notFound("agents get their tokens from Auth0 in connected mode");
        }
        if (!"client_credentials".equals(grantType)) {
            return Response.status(400)
                    .entity(Map.of("error", "unsupported_grant_type", "detail", "grant_type is client_credentials"))
                    .build();
        }
        return directory
                .authenticate(clientId, clientSecret)
                .map(agent -> Response.ok(Map.of(
                                "access_token", tokens.issue(agent),
                                "token_type", "Bearer",
                                "expires_in", EmbeddedAgentTokens.LIFETIME.toSeconds()))
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
        Hop hop;
        if (rq.getProperty(Caller.PROPERTY) != null) {
            hop = timeline.hop(Caller.of(rq), handoffId);
        } else {
            AgentPrincipal agent = agents.authenticate(bearer(authorization))
                    .orElseThrow(() -> new HandoffRefused(AciError.INVALID_AGENT_TOKEN, "not a valid agent token"));
            hop = timeline.hop(agent, handoffId);
        }
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
