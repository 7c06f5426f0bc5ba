package app.proxyme.domain.port.in;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.policy.Member;
import java.util.List;

/** Use case: a meeting's audit record, for its participants, the org admin and the compliance reviewer. */
public interface ReadMeetingRecord {
    /** @throws app.proxyme.domain.DomainException {@code NOT_FOUND} when the meeting is not visible to the reader */
    List<AuditRecord> auditTrail(Member reader, String meetingId);

    /** @throws app.proxyme.domain.DomainException {@code NOT_FOUND} when the meeting is not visible to the reader */
    void requireVisible(Member reader, String meetingId);
}
