package app.proxyme.domain.audit;

import java.util.List;

/**
 * One page of audit events, newest first.
 *
 * @param events the events
 * @param nextBeforeSeq where the next (older) page starts: pass it as {@code beforeSeq}; {@code null} on the last page
 */
public record AuditPage(List<AuditRecord> events, Long nextBeforeSeq) {
    public AuditPage {
        events = List.copyOf(events);
    }
}
