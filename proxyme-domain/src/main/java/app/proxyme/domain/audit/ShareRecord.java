package app.proxyme.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A share link as stored: which meeting it opens, who created it, until when, and whether it was revoked.
 *
 * @param revokedAt when it was revoked; {@code null} while it is not
 */
public record ShareRecord(
        String shareId,
        String org,
        String meetingId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {
    public ShareRecord {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the link opens at {@code now}: not revoked and not expired. */
    public boolean opensAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
