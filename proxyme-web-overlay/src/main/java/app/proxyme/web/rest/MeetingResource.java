package app.proxyme.web.rest;

import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.engine.audit.format.AuditJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/meetings/{id}/audit}: a meeting's audit events, oldest first. */
@ApplicationScoped
@Path("/api/meetings/{meetingId}/audit")
public class MeetingResource {
    private final ReadMeetingRecord records;

    @Inject
    public MeetingResource(ReadMeetingRecord records) {
        this.records = records;
    }

    protected MeetingResource() {
        this.records = null;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String audit(@PathParam("meetingId") String meetingId, @Context ContainerRequestContext rq) {
        return records.auditTrail(Caller.of(rq), meetingId).stream()
                .map(AuditJson::toJson)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
