package app.proxyme.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What a share link grants: read-only access to one meeting's record until {@code expiresAt}.
 *
 * @param shareId the link's id, recorded with every use of it
 */
public record ShareGrant(String org, String meeting, Instant expiresAt, String shareId) {
    public ShareGrant {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(shareId, "shareId");
    }
}
