package app.proxyme.engine.meeting;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.RevealScope;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.MeetingStore;
import java.util.List;

/**
 * The use case "read a meeting's record": its participants, the org admin and the compliance reviewer may;
 * anyone else, and every other organisation, is told the meeting does not exist.
 */
public final class MeetingRecords implements ReadMeetingRecord {
    private final MeetingStore meetings;
    private final AuditLog audit;

    public MeetingRecords(MeetingStore meetings, AuditLog audit) {
        this.meetings = meetings;
        this.audit = audit;
    }

    /** @throws DomainException {@code NOT_FOUND} when the meeting does not exist or is not visible to the reader */
    @Override
    public List<AuditRecord> auditTrail(Member reader, String meetingId) {
        requireVisible(reader, meetingId);
        RevealScope scope = RevealScope.of(reader);
        return audit.meeting(reader.org(), meetingId).stream().map(scope::apply).toList();
    }

    /** @throws DomainException {@code NOT_FOUND} when the meeting does not exist or is not visible to the reader */
    @Override
    public void requireVisible(Member reader, String meetingId) {
        boolean visible = meetings.exists(reader.org(), meetingId)
                && (Access.allows(reader, Capability.READ_ALL_MEETINGS)
                        || meetings.isParticipant(reader.org(), meetingId, reader.email()));
        if (!visible) {
            throw DomainException.notFound("no meeting " + meetingId);
        }
    }
}
