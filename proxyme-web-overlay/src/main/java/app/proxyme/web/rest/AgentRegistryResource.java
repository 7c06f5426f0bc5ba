package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.policy.Member;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/aci/agents}: org admins register agents with a pasted JWK, list and disable them (ACI.md). */
@ApplicationScoped
@Path("/api/aci/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentRegistryResource {
    private final AgentDirectory directory;

    @Inject
    public AgentRegistryResource(AgentDirectory directory) {
        this.directory = directory;
    }

    protected AgentRegistryResource() {
        this(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(JsonNode body, @Context ContainerRequestContext rq) {
        Member admin = admin(rq);
        if (body == null || !body.isObject() || !body.path("jwk").isObject()) {
            throw DomainException.badRequest("id, name, domain, ceiling and jwk (an object) are required");
        }
        Agent agent;
        try {
            agent = new Agent(
                    admin.org(),
                    AciResource.text(body, "id"),
                    body.path("name").asText(null),
                    AciResource.text(body, "domain"),
                    new HashSet<>(AciResource.strings(body, "ceiling")),
                    body.get("jwk").toString(),
                    body.path("auth0ClientId").asText(null),
                    true);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(e.getMessage());
        }
        AgentDirectory.Registered r = directory.register(agent);
        var out = new LinkedHashMap<String, Object>();
        out.put("id", r.id());
        out.put("clientId", r.clientId());
        out.put("clientSecret", r.clientSecret());
        return Response.status(Response.Status.CREATED).entity(out).build();
    }

    @GET
    public List<Map<String, Object>> list(@Context ContainerRequestContext rq) {
        return directory.list(admin(rq).org()).stream().map(AciViews::agent).toList();
    }

    @DELETE
    @Path("/{id}")
    public Response disable(@PathParam("id") String id, @Context ContainerRequestContext rq) {
        directory.disable(admin(rq).org(), id);
        return Response.noContent().build();
    }

    private static Member admin(ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        if (!m.role().equals(Member.ORG_ADMIN)) {
            throw DomainException.forbidden("only an org admin manages agents");
        }
        return m;
    }
}
