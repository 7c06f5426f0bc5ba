package app.proxyme.web.rest;

import app.proxyme.engine.ProxyMe;
import app.proxyme.engine.audit.AuditTrail;
import app.proxyme.engine.audit.verify.ChainVerdict;
import app.proxyme.engine.audit.ExportQuery;
import app.proxyme.engine.audit.format.AuditJson;
import app.proxyme.engine.audit.MeetingShares;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/audit/export} (streamed JSON Lines or CSV), {@code GET /api/audit/verify} and
 * {@code POST /api/audit/share} (a read-only link to a meeting, served by {@link ShareResource}).
 */
@ApplicationScoped
@Path("/api/audit")
public class AuditResource {
    static final String JSONL = "application/x-ndjson";
    private final ProxyMe proxyMe;

    @Inject
    public AuditResource(ProxyMe proxyMe) {
        this.proxyMe = proxyMe;
    }

    protected AuditResource() {
        this.proxyMe = null;
    }

    @GET
    @Path("/export")
    public Response export(@QueryParam("format") String format, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("fromSeq") String fromSeq, @QueryParam("toSeq") String toSeq,
            @QueryParam("meeting") String meeting, @Context ContainerRequestContext rq) {
        var query = ExportQuery.parse(format, from, to, fromSeq, toSeq, meeting);
        AuditTrail.Export export = proxyMe.auditTrail().export(Caller.of(rq), query);
        boolean csv = export.format().equals("csv");
        StreamingOutput body = export::writeTo;
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : JSONL + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit." + export.format() + "\"")
                .build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> verify(@Context ContainerRequestContext rq) {
        return json(proxyMe.auditTrail().verify(Caller.of(rq)));
    }

    @POST
    @Path("/share")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(JsonNode body, @Context ContainerRequestContext rq) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("expected {\"meetingId\":\"..\",\"ttlMinutes\":60}");
        }
        JsonNode ttl = body.get("ttlMinutes");
        if (ttl != null && !ttl.isNull() && !ttl.isInt()) {
            throw new IllegalArgumentException("ttlMinutes must be a whole number of minutes");
        }
        MeetingShares.Link link = proxyMe.shares().create(Caller.of(rq), body.path("meetingId").asText(null),
                ttl == null || ttl.isNull() ? null : ttl.intValue());
        return Map.of("url", link.url(), "expiresAt", AuditJson.timestamp(link.expiresAt()));
    }

    /** The public key of retention checkpoints (a JWK set), for checking their signatures outside Proxy Me. */
    @GET
    @Path("/checkpoint-keys")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> checkpointKeys() {
        return proxyMe.auditTrail().checkpointKeys();
    }

    static Map<String, Object> json(ChainVerdict v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("ok", v.ok());
        m.put("events", v.events());
        if (v.ok()) {
            m.put("head", v.head());
        } else {
            m.put("firstBad", v.firstBad());
            m.put("seq", v.firstBadSeq());
            m.put("reason", v.reason());
        }
        return m;
    }
}
