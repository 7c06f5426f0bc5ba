package app.proxyme.engine.audit;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditFilter;
import app.proxyme.domain.audit.AuditPage;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.SeqSpan;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.BrowseAudit;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: the reviewer's view of the trail ({@link BrowseAudit}). A page is one keyset query on the events'
 * {@code seq} (a time range first becomes the {@code seq} span it covers), so its cost does not grow with the trail;
 * marking a meeting reviewed is itself an audit event, durable before the reviewer is told it is done.
 */
public final class AuditReview implements BrowseAudit {
    static final int MAX_COMMENT = 2000;

    private final AuditReader reader;
    private final AuditLog log;
    private final ReadMeetingRecord meetings;

    public AuditReview(AuditReader reader, AuditLog log, ReadMeetingRecord meetings) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.log = Objects.requireNonNull(log, "log");
        this.meetings = Objects.requireNonNull(meetings, "meetings");
    }

    @Override
    public AuditPage browse(Member caller, AuditFilter filter, Long beforeSeq, int limit) {
        Access.require(caller, Capability.REVIEW_AUDIT);
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.badRequest("limit must be in 1.." + MAX_PAGE + ": " + limit);
        }
        AuditFilter f = filter == null ? AuditFilter.ANY : filter;
        long after = 0;
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        if (f.hasTimeRange()) {
            Optional<SeqSpan> span = reader.span(
                    caller.org(),
                    f.from() == null ? Instant.EPOCH : f.from(),
                    f.to() == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : f.to());
            if (span.isEmpty()) {
                return new AuditPage(List.of(), null);
            }
            after = span.get().from() - 1;
            before = Math.min(before, span.get().to() + 1);
        }
        List<AuditRecord> events = reader.search(caller.org(), f, after, before, limit + 1);
        if (events.size() <= limit) {
            return new AuditPage(events, null);
        }
        List<AuditRecord> page = events.subList(0, limit);
        return new AuditPage(page, page.get(limit - 1).seq());
    }

    @Override
    public AuditRecord markReviewed(Member caller, String meetingId, String comment) {
        Access.require(caller, Capability.REVIEW_AUDIT);
        if (meetingId == null || meetingId.isBlank()) {
            throw DomainException.badRequest("which meeting was reviewed?");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw DomainException.badRequest("a review needs a comment of 1.." + MAX_COMMENT + " characters");
        }
        List<AuditRecord> trail = meetings.auditTrail(caller, meetingId);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("comment", text);
        detail.put("events", trail.size());
        if (!trail.isEmpty()) {
            detail.put("throughSeq", trail.get(trail.size() - 1).seq());
        }
        var entry = new AuditEntry(
                AuditType.REVIEW, caller.org(), meetingId, null, caller.email(), null, null, null, detail);
        return log.append(List.of(entry)).get(0);
    }
}
