package app.proxyme.web.rest;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.InvalidPolicyException;
import app.proxyme.domain.port.in.ManagePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET / PUT /api/policy}: the caller's organisation's whole policy as one YAML file (admins only). An invalid
 * file gets {@code 400 {"errors":[{"line":3,"message":"..."}]}} and changes nothing.
 */
@ApplicationScoped
@Path("/api/policy")
public class PolicyResource {
    static final String YAML = "application/yaml";

    private final ManagePolicy policies;

    @Inject
    public PolicyResource(ManagePolicy policies) {
        this.policies = policies;
    }

    protected PolicyResource() {
        this.policies = null;
    }

    @GET
    @Produces(YAML + ";charset=utf-8")
    public String export(@Context ContainerRequestContext request) {
        return policies.export(Caller.of(request));
    }

    @PUT
    @Consumes({YAML, "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(String yaml, @Context ContainerRequestContext request) {
        ManagePolicy.PolicyChange imported;
        try {
            imported = policies.replace(Caller.of(request), yaml);
        } catch (InvalidPolicyException e) {
            List<Map<String, Object>> errors = e.errors().stream()
                    .map(p -> Map.<String, Object>of("line", p.line(), "message", p.message()))
                    .toList();
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("errors", errors))
                    .build();
        } catch (DependencyUnavailableException e) {
            return ErrorMappers.unavailable(e);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("org", imported.org());
        body.put("tuplesWritten", imported.tuplesWritten());
        body.put("tuplesDeleted", imported.tuplesDeleted());
        return Response.ok(body).build();
    }
}
