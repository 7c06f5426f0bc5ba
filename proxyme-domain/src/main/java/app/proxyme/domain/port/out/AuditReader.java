package app.proxyme.domain.port.out;

import app.proxyme.domain.audit.AuditFilter;
import app.proxyme.domain.audit.AuditHead;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.SeqSpan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads an organisation's audit chain back page by page, so that exports and verification of millions of events
 * never hold them all in memory.
 */
public interface AuditReader {
    /** The end of the organisation's chain ({@code 0} and {@link AuditRecord#GENESIS} when it has none). */
    AuditHead head(String org);

    /**
     * Up to {@code limit} events with {@code afterSeq < seq <= toSeq}, oldest first; only the meeting's when
     * {@code meeting} is not {@code null}.
     */
    List<AuditRecord> page(String org, String meeting, long afterSeq, long toSeq, int limit);

    /**
     * Up to {@code limit} of the organisation's events that match the filter (its time range left to the caller,
     * who turns it into a {@code seq} span with {@link #span}) with {@code afterSeq < seq < beforeSeq}, newest
     * first.
     */
    List<AuditRecord> search(String org, AuditFilter filter, long afterSeq, long beforeSeq, int limit);

    /** Up to {@code limit} of the organisation's {@code checkpoint} events with {@code seq > afterSeq}, oldest first. */
    List<AuditRecord> checkpoints(String org, long afterSeq, int limit);

    /** The smallest and largest {@code seq} of the events recorded in {@code [from, to)}; empty when none. */
    Optional<SeqSpan> span(String org, Instant from, Instant to);
}
