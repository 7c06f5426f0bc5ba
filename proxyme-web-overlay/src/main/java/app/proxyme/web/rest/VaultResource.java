package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.port.in.IssueToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;

/**
 * {@code POST /api/vault/token {"scope":"write:suggestions","topic":"pricing"}}: a scoped token for the calling
 * member, {@code 200 {"token","expires_in","scope","topic"}}, or {@code 403 {"error":"forbidden_scope"}} when their
 * role may not hold it. The token verifies against {@code /.well-known/jwks.json}.
 */
@ApplicationScoped
@Path("/api/vault/token")
public class VaultResource {
    private final IssueToken tokens;

    @Inject
    public VaultResource(IssueToken tokens) {
        this.tokens = tokens;
    }

    protected VaultResource() {
        this.tokens = null;
    }

    /** The request body. */
    public record TokenRequest(String scope, String topic) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(TokenRequest body, @Context ContainerRequestContext rq) {
        if (body == null) {
            throw DomainException.badRequest("a JSON body with 'scope' (and 'topic') is required");
        }
        IssueToken.Issued issued;
        try {
            issued = tokens.issue(Caller.of(rq), body.scope(), body.topic());
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                return ErrorMappers.error(Response.Status.FORBIDDEN, "forbidden_scope", e.getMessage());
            }
            throw e;
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("token", issued.token());
        out.put("token_type", "Bearer");
        out.put("expires_in", issued.expiresInSeconds());
        out.put("scope", issued.scope());
        if (issued.topic() != null) {
            out.put("topic", issued.topic());
        }
        return Response.ok(out).build();
    }
}
