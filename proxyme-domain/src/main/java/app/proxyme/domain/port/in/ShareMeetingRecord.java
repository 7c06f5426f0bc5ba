package app.proxyme.domain.port.in;

import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.ShareLink;
import app.proxyme.domain.audit.ShareRecord;
import app.proxyme.domain.audit.SharedRecord;
import app.proxyme.domain.policy.Member;
import java.util.List;

/** Use case: read-only, expiring links to one meeting's record, for someone without an account. */
public interface ShareMeetingRecord {
    /**
     * Creates a link to the meeting, recorded as {@code share_created}.
     *
     * @param ttlMinutes the link's lifetime (default 60, at most 10080)
     * @throws app.proxyme.domain.DomainException {@code NOT_FOUND} when the caller may not read the meeting,
     *     {@code BAD_REQUEST} for a missing meeting or a lifetime out of range
     */
    ShareLink share(Member caller, String meetingId, Integer ttlMinutes);

    /** The caller's links (an admin: all the organisation's), newest first. */
    List<ShareRecord> list(Member caller);

    /**
     * Revokes a link, recorded as {@code share_revoked}: it answers 410 from then on, on every instance.
     *
     * @throws app.proxyme.domain.DomainException {@code NOT_FOUND} for an unknown link or one the caller may not
     *     revoke (only its creator and the organisation's admin may), {@code CONFLICT} when it was revoked before
     */
    void revoke(Member caller, String shareId);

    /**
     * Opens a link: records {@code share_opened} (at most once a minute per link), then returns the meeting's events.
     *
     * @throws app.proxyme.domain.audit.ShareRefused for a forged, expired or revoked link
     */
    SharedRecord open(String token);

    /**
     * The meeting's verifiable export (chained by {@code meetingPrev}) for the link's viewer, recorded as an export.
     *
     * @throws app.proxyme.domain.audit.ShareRefused for a forged, expired or revoked link
     */
    AuditExport export(String token);
}
