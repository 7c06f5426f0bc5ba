package app.proxyme.web.rest;

import app.proxyme.domain.port.in.SignIn;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Every {@code /api/...} call needs a valid bearer token, else 401 — except the embedded sign-in ({@code POST
 * /api/dev/login}, {@code GET /api/dev/users}), how to sign in ({@code GET /api/auth/config}) and redeeming a pairing code ({@code POST /api/pairing/{code}}, which
 * the code itself authorizes), and ACI's agent calls ({@code /api/aci/token}, {@code /inbox}, {@code /handoffs}), which
 * authenticate the agent themselves. The approvals ({@code /api/approvals...}) also take a paired phone's token; nothing
 * else does.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerFilter implements ContainerRequestFilter {
    private final SignIn signIn;

    @Inject
    public BearerFilter(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.startsWith("api/")
                || path.equals("api/dev/login")
                || path.equals("api/dev/users")
                || path.equals("api/auth/config")
                || (path.startsWith("api/pairing/") && request.getMethod().equals("POST"))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        if (agentPath(path)) {
            // an agent's call: its resource authenticates the agent; a member's token still names the member
            signIn.authenticate(token).ifPresent(m -> request.setProperty(Caller.PROPERTY, m));
            return;
        }
        boolean approvals = path.equals("api/approvals") || path.startsWith("api/approvals/");
        (approvals ? signIn.authenticateApprover(token) : signIn.authenticate(token))
                .ifPresentOrElse(
                        m -> request.setProperty(Caller.PROPERTY, m),
                        () -> request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                                .type(MediaType.APPLICATION_JSON_TYPE)
                                .entity(Map.of("error", "unauthorized", "message", "missing or invalid bearer token"))
                                .build()));
    }

    /** ACI.md's agent calls: client credentials, the inbox and hand-offs carry an agent's token, not a member's. */
    private static boolean agentPath(String path) {
        return path.equals("api/aci/token")
                || path.equals("api/aci/inbox")
                || path.equals("api/aci/handoffs")
                || path.startsWith("api/aci/handoffs/");
    }
}
