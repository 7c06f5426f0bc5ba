package app.proxyme.web.rest;

import app.proxyme.domain.port.in.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;

/** {@code POST /api/dev/login}: embedded identity's sign-in of the demo users; 404 with Auth0 identity. */
@ApplicationScoped
@Path("/api/dev/login")
public class LoginResource {
    /** The request body. */
    public record Login(String email) {}

    private final SignIn signIn;

    @Inject
    public LoginResource(SignIn signIn) {
        this.signIn = signIn;
    }

    protected LoginResource() {
        this.signIn = null;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(Login body) {
        if (!signIn.demoSignInOffered()) {
            return ErrorMappers.error(Response.Status.NOT_FOUND, "not_found", "embedded sign-in is disabled");
        }
        if (body == null || body.email() == null || body.email().isBlank()) {
            return ErrorMappers.error(Response.Status.BAD_REQUEST, "bad_request", "field 'email' is required");
        }
        return signIn.demoSignIn(body.email())
                .map(s -> {
                    var out = new LinkedHashMap<String, Object>();
                    out.put("token", s.token());
                    out.put("user", s.member().email());
                    out.put("role", s.member().role());
                    out.put("org", s.member().org());
                    out.put("name", s.member().displayName());
                    return Response.ok(out).build();
                })
                .orElseGet(() -> ErrorMappers.error(Response.Status.UNAUTHORIZED, "unauthorized", "unknown user"));
    }
}
