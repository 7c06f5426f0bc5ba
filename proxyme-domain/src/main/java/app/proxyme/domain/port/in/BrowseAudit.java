package app.proxyme.domain.port.in;

import app.proxyme.domain.audit.AuditFilter;
import app.proxyme.domain.audit.AuditPage;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.policy.Member;

/**
 * Use case: the compliance reviewer (or the organisation's admin) pages through the organisation's audit events,
 * filtered, newest first, and records that a meeting was reviewed. Another organisation's events do not exist for
 * the caller.
 */
public interface BrowseAudit {
    /** The most events on one page. */
    int MAX_PAGE = 200;

    /**
     * A page of the caller's organisation's events matching the filter with {@code seq < beforeSeq} (all when
     * {@code null}), newest first; keyset paging, so that a page costs the same on a million events.
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} without the reviewer's capability,
     *     {@code BAD_REQUEST} for a limit outside 1..{@value #MAX_PAGE}
     */
    AuditPage browse(Member caller, AuditFilter filter, Long beforeSeq, int limit);

    /**
     * Records a {@code review} audit event for the meeting with the reviewer's comment and the last event they saw.
     *
     * @throws app.proxyme.domain.DomainException {@code FORBIDDEN} without the reviewer's capability,
     *     {@code NOT_FOUND} for a meeting the caller may not read, {@code BAD_REQUEST} for a blank or long comment
     */
    AuditRecord markReviewed(Member caller, String meetingId, String comment);
}
