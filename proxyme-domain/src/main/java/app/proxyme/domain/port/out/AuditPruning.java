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
     * The meetings that a cut after {@code throughSeq} goes through: each meeting whose first event after
     * {@code throughSeq} links ({@code meetingPrev}) to an earlier event rather than to genesis, and that hash (the
     * meeting's last event at or before the cut). A checkpoint vouches for them, so that the meeting's remaining
     * events still verify.
     */
    java.util.SortedMap<String, String> meetingCuts(String org, long throughSeq);

    /**
     * Deletes the organisation's events with {@code seq <= throughSeq}, only if a later {@code checkpoint} event of
     * the organisation names that cut ({@code detail.lastPrunedSeq == throughSeq}) and vouches in
     * {@code detail.meetings} for every meeting the cut goes through (as {@link #meetingCuts} finds them at the time
     * of the deletion); otherwise it deletes nothing and throws. Appends wait while it runs.
     *
     * @return how many events were deleted
     */
    long deleteThrough(String org, long throughSeq);
}
