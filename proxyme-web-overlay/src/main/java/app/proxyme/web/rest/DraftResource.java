package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.web.app.MeetingHub;
import app.proxyme.web.app.MeetingListener;
import app.proxyme.web.app.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /api/meetings/{id}/draft {"seq":12}}: a draft for the caller's chunk the classifier was unsure of
 * (PROTOCOL.md), held for approval as usual. It answers the suggestion (or the decision, when the output check
 * refused the draft); the caller's overlays in the meeting hear of it as they would over the socket. 404 for no such
 * chunk, 409 when it was not unsure or has a draft already.
 */
@ApplicationScoped
@Path("/api/meetings/{meetingId}/draft")
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {
    /** The request body. */
    public record DraftRequest(Long seq) {}

    private final HandleChunk chunks;
    private final MeetingHub hub;

    @Inject
    public DraftResource(HandleChunk chunks, MeetingHub hub) {
        this.chunks = chunks;
        this.hub = hub;
    }

    protected DraftResource() {
        this(null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> draft(
            @PathParam("meetingId") String meetingId, DraftRequest body, @Context ContainerRequestContext rq) {
        if (body == null || body.seq() == null || body.seq() < 0) {
            throw DomainException.badRequest("a JSON body with the chunk's 'seq' is required");
        }
        Member member = Caller.of(rq);
        long seq = body.seq();
        ChunkResult result =
                chunks.draft(member, meetingId, seq, new MeetingListener(hub, member, meetingId, seq, d -> {}));
        return switch (result) {
            case ChunkResult.Suggested s -> Messages.suggestion(s.suggestion());
            case ChunkResult.Decided d ->
                Map.of(
                        "type",
                        "decision",
                        "seq",
                        seq,
                        "outcome",
                        d.decision().outcome().name());
            case ChunkResult.SuggestionFailed f -> Messages.error(seq, "unavailable", f.reason());
        };
    }
}
