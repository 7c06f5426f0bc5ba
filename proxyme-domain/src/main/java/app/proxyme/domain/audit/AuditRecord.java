package app.proxyme.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit entry in its place: numbered in its organisation's chain and linked to its predecessors by hash.
 *
 * @param id {@code ev_...}
 * @param seq position in the organisation's chain, from 1, without gaps
 * @param ts when it was recorded
 * @param entry what was recorded
 * @param prev the previous event's hash in the organisation's chain (64 zeros for the first)
 * @param meetingPrev the previous event's hash of the same meeting, or {@code null} without a meeting
 * @param hash SHA-256 over the canonical JSON of the event without {@code hash} (and without the entry's reveal)
 */
public record AuditRecord(
        String id, long seq, Instant ts, AuditEntry entry, String prev, String meetingPrev, String hash) {
    /** The link before the first event of a chain. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
    }

    /** The record as a reader who may not see its hidden text gets it: without the reveal (it still verifies). */
    public AuditRecord withoutReveal() {
        return entry.reveal() == null
                ? this
                : new AuditRecord(id, seq, ts, entry.withoutReveal(), prev, meetingPrev, hash);
    }

    /**
     * Whether the reveal, if any, is the text its {@code detail.textDigest} commits to (true without a reveal).
     */
    public boolean revealMatches() {
        return entry.reveal() == null || entry.reveal().matches(entry.detail().get(Reveal.DIGEST));
    }
}
