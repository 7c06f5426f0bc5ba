package app.proxyme.web.rest;

import app.proxyme.domain.audit.ShareRefused;
import app.proxyme.domain.audit.SharedRecord;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /share/<token>}, the server-rendered page of a shared meeting, and {@code GET /share/<token>/export.jsonl},
 * its verifiable export (links come from {@code POST /api/audit/share}). Authorized by the token alone: forged → 403,
 * expired or revoked → 410.
 */
@ApplicationScoped
@Path("/share/{token}")
public class ShareResource {
    private final ShareMeetingRecord shares;

    @Inject
    public ShareResource(ShareMeetingRecord shares) {
        this.shares = shares;
    }

    protected ShareResource() {
        this.shares = null;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        try {
            SharedRecord shared = shares.open(token);
            return privately(Response.ok(
                    SharePage.render(shared, "/share/" + token + "/export.jsonl"), "text/html; charset=utf-8"));
        } catch (ShareRefused refused) {
            return refusal(refused);
        }
    }

    @GET
    @Path("export.jsonl")
    public Response export(@PathParam("token") String token) {
        try {
            var export = shares.export(token);
            StreamingOutput body = export::writeTo;
            return privately(Response.ok(body, AuditResource.JSONL + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"meeting-audit.jsonl\""));
        } catch (ShareRefused refused) {
            return refusal(refused);
        }
    }

    private static Response refusal(ShareRefused refused) {
        boolean gone = refused.why() != ShareRefused.Reason.FORGED;
        return privately(Response.status(gone ? Response.Status.GONE : Response.Status.FORBIDDEN)
                .type("text/html; charset=utf-8")
                .entity(SharePage.refusal(refused.getMessage())));
    }

    /** Share pages carry their token in the URL: never cached, never sent on as a referrer, never scripted. */
    private static Response privately(Response.ResponseBuilder r) {
        return r.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; "
                                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                .build();
    }
}
