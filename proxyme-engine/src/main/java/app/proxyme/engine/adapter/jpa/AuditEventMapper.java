package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.UnreadableAuditEvent;
import app.proxyme.engine.audit.format.AuditJson;
import java.time.Instant;

/** Maps audit records to their rows and back. */
final class AuditEventMapper {
    private AuditEventMapper() {}

    static AuditEventEntity toEntity(AuditRecord r) {
        var e = new AuditEventEntity();
        AuditEntry en = r.entry();
        e.id = r.id();
        e.org = en.org();
        e.seq = r.seq();
        e.ts = r.ts().toEpochMilli();
        e.meetingId = en.meeting();
        e.member = en.user();
        e.actor = en.actor();
        e.type = en.type().wire();
        e.topic = en.topic();
        e.outcome = en.outcome();
        e.layer = en.layer();
        e.detailJson = AuditJson.detailJson(en.detail());
        e.prev = r.prev();
        e.meetingPrev = r.meetingPrev();
        e.hash = r.hash();
        e.revealJson = en.reveal() == null ? null : AuditJson.revealJson(en.reveal());
        return e;
    }

    /**
     * The row as a record.
     *
     * @throws UnreadableAuditEvent when the row is not a readable event (edited outside Proxy Me)
     */
    static AuditRecord toRecord(AuditEventEntity e) {
        try {
            return read(e);
        } catch (RuntimeException bad) {
            String why = bad.getMessage() == null ? bad.getClass().getSimpleName() : bad.getMessage();
            throw new UnreadableAuditEvent(e.id, e.seq, why.lines().findFirst().orElse(why), bad);
        }
    }

    private static AuditRecord read(AuditEventEntity e) {
        var entry = new AuditEntry(
                AuditType.fromWire(e.type),
                e.org,
                e.meetingId,
                e.member,
                e.actor,
                e.topic,
                e.outcome,
                e.layer,
                AuditJson.parseDetail(e.detailJson),
                AuditJson.parseReveal(e.revealJson));
        return new AuditRecord(e.id, e.seq, Instant.ofEpochMilli(e.ts), entry, e.prev, e.meetingPrev, e.hash);
    }
}
