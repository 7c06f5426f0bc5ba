package app.proxyme.domain.port.out;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import java.util.List;

/** The tamper-evident, append-only audit trail. */
public interface AuditLog {
    /**
     * Appends the entries, in order, to their organisations' chains. Returns only once they are durable.
     */
    List<AuditRecord> append(List<AuditEntry> entries);

    /** A meeting's events, oldest first. */
    List<AuditRecord> meeting(String org, String meetingId);
}
