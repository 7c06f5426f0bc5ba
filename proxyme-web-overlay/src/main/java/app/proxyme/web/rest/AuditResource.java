package app.proxyme.web.rest;

import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.audit.ShareLink;
import app.proxyme.domain.port.in.ReviewAudit;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import app.proxyme.engine.audit.format.AuditJson;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/audit/export} (streamed JSON Lines or CSV), {@code GET /api/audit/verify} (the organisation's
 * chain, or with {@code ?meeting=} one meeting's, for whoever may read it) and
 * {@code POST /api/audit/share} (a read-only link to a meeting, served by {@link ShareResource}).
 */
@ApplicationScoped
@Path("/api/audit")
public class AuditResource {
    static final String JSONL = "application/x-ndjson";
    private final ReviewAudit review;
    private final ShareMeetingRecord shares;

    @Inject
    public AuditResource(ReviewAudit review, ShareMeetingRecord shares) {
        this.review = review;
        this.shares = shares;
    }

    protected AuditResource() {
        this(null, null);
    }

    @GET
    @Path("/export")
    public Response export(
            @QueryParam("format") String format,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("fromSeq") String fromSeq,
            @QueryParam("toSeq") String toSeq,
            @QueryParam("meeting") String meeting,
            @Context ContainerRequestContext rq) {
        var query = ExportQuery.parse(format, from, to, fromSeq, toSeq, meeting);
        AuditExport export = review.export(Caller.of(rq), query);
        boolean csv = export.format().equals("csv");
        StreamingOutput body = export::writeTo;
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : JSONL + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit." + export.format() + "\"")
                .build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> verify(@QueryParam("meeting") String meeting, @Context ContainerRequestContext rq) {
        if (meeting != null && !meeting.isBlank()) {
            return json(review.verifyMeeting(Caller.of(rq), meeting));
        }
        return json(review.verify(Caller.of(rq)));
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
        ShareLink link = shares.share(
                Caller.of(rq),
                body.path("meetingId").asText(null),
                ttl == null || ttl.isNull() ? null : ttl.intValue());
        return Map.of("url", link.url(), "shareId", link.shareId(), "expiresAt", AuditJson.timestamp(link.expiresAt()));
    }

    /** The caller's share links (an admin: all the organisation's), newest first. */
    @GET
    @Path("/shares")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> shares(@Context ContainerRequestContext rq) {
        Instant now = Instant.now();
        return shares.list(Caller.of(rq)).stream()
                .map(s -> {
                    var m = new LinkedHashMap<String, Object>();
                    m.put("shareId", s.shareId());
                    m.put("meetingId", s.meetingId());
                    m.put("createdBy", s.createdBy());
                    m.put("createdAt", AuditJson.timestamp(s.createdAt()));
                    m.put("expiresAt", AuditJson.timestamp(s.expiresAt()));
                    m.put("revoked", s.revokedAt() != null);
                    m.put("active", s.opensAt(now));
                    return (Map<String, Object>) m;
                })
                .toList();
    }

    /** Revokes a share link (its creator, or the admin): it answers 410 from then on. */
    @DELETE
    @Path("/share/{shareId}")
    public Response revoke(@PathParam("shareId") String shareId, @Context ContainerRequestContext rq) {
        shares.revoke(Caller.of(rq), shareId);
        return Response.noContent().build();
    }

    /** The public key of retention checkpoints (a JWK set), for checking their signatures outside Proxy Me. */
    @GET
    @Path("/checkpoint-keys")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> checkpointKeys() {
        return review.checkpointKeys();
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
