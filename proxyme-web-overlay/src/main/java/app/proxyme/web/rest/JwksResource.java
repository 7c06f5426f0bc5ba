package app.proxyme.web.rest;

import app.proxyme.domain.port.in.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /.well-known/jwks.json}: the public key that signs embedded identity tokens. Public. */
@ApplicationScoped
@Path("/.well-known/jwks.json")
public class JwksResource {
    private final SignIn signIn;

    @Inject
    public JwksResource(SignIn signIn) {
        this.signIn = signIn;
    }

    protected JwksResource() {
        this.signIn = null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> keys() {
        return signIn.publicKeys();
    }
}
