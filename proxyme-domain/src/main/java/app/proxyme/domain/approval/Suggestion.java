package app.proxyme.domain.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * A proposed answer for one chunk. When it needs approval it carries the approval's id, deadline and status.
 *
 * @param id {@code sg_...}
 * @param org organisation
 * @param meetingId meeting
 * @param user the user it was proposed to (and who must approve it)
 * @param chunkSeq the chunk's {@code seq}
 * @param topic the topic it answers
 * @param text the proposed text
 * @param status the suggestion's status
 * @param approvalId {@code ap_...}, or {@code null} for an {@code AUTO} suggestion
 * @param approvalStatus the approval's status, or {@code null}
 * @param createdAt when it was proposed
 * @param expiresAt the approval deadline, or {@code null}
 * @param decidedBy who decided the approval ({@code engine} for a deadline), or {@code null}
 */
public record Suggestion(
        String id,
        String org,
        String meetingId,
        String user,
        long chunkSeq,
        String topic,
        String text,
        SuggestionStatus status,
        String approvalId,
        ApprovalStatus approvalStatus,
        Instant createdAt,
        Instant expiresAt,
        String decidedBy) {
    public Suggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        boolean held = status != SuggestionStatus.AUTO;
        if (held != (approvalId != null) || held != (approvalStatus != null) || held != (expiresAt != null)) {
            throw new IllegalArgumentException("a held suggestion has an approval, an AUTO one has none");
        }
    }

    public boolean isPending() {
        return approvalStatus == ApprovalStatus.PENDING;
    }

    /** This suggestion after its approval was decided. */
    public Suggestion decided(ApprovalStatus outcome, String by) {
        return new Suggestion(
                id,
                org,
                meetingId,
                user,
                chunkSeq,
                topic,
                text,
                outcome.suggestionStatus(),
                approvalId,
                outcome,
                createdAt,
                expiresAt,
                by);
    }
}
