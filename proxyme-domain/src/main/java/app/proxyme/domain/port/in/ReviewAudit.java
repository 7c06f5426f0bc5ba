package app.proxyme.domain.port.in;

import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.policy.Member;
import java.util.Map;

/** Use case: compliance reviews the audit trail — exports it, verifies its chain, and gets the keys to check it offline. */
public interface ReviewAudit {
    /**
     * Authorizes and records an export of the organisation's trail or of one meeting.
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} for the whole trail without the reviewer's
     *     capability, {@code NOT_FOUND} for a meeting the caller may not read
     */
    AuditExport export(Member caller, ExportQuery query);

    /**
     * Verifies the caller's organisation's whole chain (from genesis or its latest retention checkpoint).
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} without the reviewer's capability
     */
    ChainVerdict verify(Member caller);

    /**
     * Verifies one meeting's chain (linked by {@code meetingPrev}), as its export reads: from genesis, or from where
     * a signed retention checkpoint vouches that the meeting's remaining events start.
     *
     * @throws app.proxyme.domain.DomainException {@code NOT_FOUND} for a meeting the caller may not read
     */
    ChainVerdict verifyMeeting(Member caller, String meetingId);

    /** The public keys (JWK set) that check retention checkpoints' signatures. */
    Map<String, Object> checkpointKeys();
}
