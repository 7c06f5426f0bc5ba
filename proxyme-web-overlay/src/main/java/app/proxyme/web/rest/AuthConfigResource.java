package app.proxyme.web.rest;

import app.proxyme.domain.access.BrowserSignIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the overlay signs in, and who it signed in as. {@code GET /api/auth/config} (public): {@code {"mode":"embedded"}}
 * (the demo picker), or {@code {"mode":"oidc", issuer, authorizationEndpoint, tokenEndpoint, clientId, audience,
 * scope}} for Authorization Code + PKCE with the provider (no secret: the overlay is a public client), or
 * {@code {"mode":"oidc","clientId":null,"message"}} when no browser client id is configured. {@code GET /api/me}: the
 * signed-in member.
 */
@ApplicationScoped
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AuthConfigResource {
    private final SignIn signIn;

    @Inject
    public AuthConfigResource(SignIn signIn) {
        this.signIn = signIn;
    }

    protected AuthConfigResource() {
        this(null);
    }

    @GET
    @Path("auth/config")
    public Map<String, Object> config() {
        var out = new LinkedHashMap<String, Object>();
        if (signIn.demoSignInOffered()) {
            out.put("mode", "embedded");
            return out;
        }
        out.put("mode", "oidc");
        Optional<BrowserSignIn> browser = signIn.browserSignIn();
        if (browser.isEmpty()) {
            out.put("clientId", null);
            out.put(
                    "message",
                    "this server has no client id for browsers (PROXYME_AUTH0_CLIENT_ID or PROXYME_OIDC_CLIENT_ID):"
                            + " API clients bring their own bearer tokens");
            return out;
        }
        BrowserSignIn b = browser.get();
        out.put("issuer", b.issuer());
        out.put("authorizationEndpoint", b.authorizationEndpoint());
        out.put("tokenEndpoint", b.tokenEndpoint());
        out.put("clientId", b.clientId());
        out.put("audience", b.audience());
        out.put("scope", b.scope());
        return out;
    }

    @GET
    @Path("me")
    public Map<String, Object> me(@Context ContainerRequestContext rq) {
        Member m = Caller.of(rq);
        var out = new LinkedHashMap<String, Object>();
        out.put("user", m.email());
        out.put("role", m.role());
        out.put("org", m.org());
        out.put("name", m.displayName());
        return out;
    }
}
