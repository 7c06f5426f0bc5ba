package app.proxyme.domain.port.out;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import java.util.List;

/**
 * The tamper-evident, append-only audit trail.
 *
 * <p>Audit first: every use case appends the event that records a change before it makes the change visible —
 * before it writes the state that a reconnecting overlay or an API reads, and before it pushes anything to a
 * client. So an append that fails must fail loudly, and before anything changed.
 */
public interface AuditLog {
    /** The {@link app.proxyme.domain.DependencyUnavailableException#dependency()} of a failed append. */
    String DEPENDENCY = "audit";

    /**
     * Appends the entries, in order, to their organisations' chains. Returns only once they are durable.
     *
     * @throws app.proxyme.domain.DependencyUnavailableException {@code ("audit", …)} when the entries could not be
     *     made durable (the store is down, closed, or refused them); then none of them is in the chain, and the
     *     caller changes nothing (the runtime answers {@code unavailable})
     */
    List<AuditRecord> append(List<AuditEntry> entries);

    /** A meeting's events, oldest first. */
    List<AuditRecord> meeting(String org, String meetingId);

    /**
     * The {@code chunk} events {@code user} sent in the meeting, newest first, at most {@code limit}: where the turns
     * before a chunk are read from ({@link app.proxyme.domain.chunk.PrecedingTurns}). By default read from the whole
     * {@link #meeting}; a store with an index reads only those.
     */
    default List<AuditRecord> latestChunks(String org, String meetingId, String user, int limit) {
        return meeting(org, meetingId).reversed().stream()
                .filter(r -> r.entry().type() == AuditType.CHUNK
                        && user.equals(r.entry().user()))
                .limit(limit)
                .toList();
    }
}
