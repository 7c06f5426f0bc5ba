package app.proxyme.web.rest;

import app.proxyme.domain.port.in.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/dev/users}: the demo users the overlay's sign-in picker offers (email, name, role, org). Public
 * like {@code POST /api/dev/login}, and like it 404 with Auth0 identity.
 */
@ApplicationScoped
@Path("/api/dev/users")
public class DemoUsersResource {
    private final SignIn signIn;

    @Inject
    public DemoUsersResource(SignIn signIn) {
        this.signIn = signIn;
    }

    protected DemoUsersResource() {
        this.signIn = null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response users() {
        if (!signIn.demoSignInOffered()) {
            return ErrorMappers.error(Response.Status.NOT_FOUND, "not_found", "embedded sign-in is disabled");
        }
        var users = signIn.demoUsers().stream()
                .map(m -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("email", m.email());
                    out.put("name", m.displayName());
                    out.put("role", m.role());
                    out.put("org", m.org());
                    return out;
                })
                .toList();
        return Response.ok(users).build();
    }
}
