package app.proxyme.domain.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the retention job needs beyond the audit log: which organisations keep events for a limited time, and the
 * one deletion the trail allows — a prefix of an organisation's chain that a checkpoint already seals.
 */
public interface AuditPruning {
    /** Organisations with a retention period, and that period in days. */
    Map<String, Integer> retentionDays();

    /** The last {@code seq} of the organisation's events recorded before {@code cutoff}, if any remain. */
    OptionalLong lastSeqBefore(String org, Instant cutoff);

    /**
     * Deletes the organisation's events with {@code seq <= throughSeq}. The database refuses it (on PostgreSQL) unless
     * a later checkpoint event covers them.
     *
     * @return how many events were deleted
     */
    long deleteThrough(String org, long throughSeq);
}
