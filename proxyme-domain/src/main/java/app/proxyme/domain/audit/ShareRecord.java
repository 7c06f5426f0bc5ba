package app.proxyme.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A share link as stored: which meeting it opens, who created it, until when, and whether it was revoked.
 *
 * @param revokedAt when it was revoked; {@code null} while it is not
 * @param revealsFor whose hidden texts the link shows: its creator's when they may not see every text (a
 *     participant), {@code null} for every text (the admin, the compliance reviewer)
 */
public record ShareRecord(
        String shareId,
        String org,
        String meetingId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        String revealsFor) {
    public ShareRecord {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Which hidden texts the link shows. */
    public RevealScope scope() {
        return new RevealScope(revealsFor);
    }

    /** Whether the link opens at {@code now}: not revoked and not expired. */
    public boolean opensAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
