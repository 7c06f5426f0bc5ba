package app.proxyme.domain.audit;

import java.util.List;

/** An opened share link: the meeting's record as its viewer sees it (the opening included). */
public record SharedRecord(ShareGrant grant, List<AuditRecord> events) {
    public SharedRecord {
        events = List.copyOf(events);
    }
}
