package app.proxyme.domain.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Acknowledged chunks still waiting for their decision: a chunk is open from its {@code chunk} audit event until a
 * {@code decision} or a {@code chunk_abandoned} event of the same member, meeting and {@code chunkSeq} is appended.
 * The audit log keeps this index in the same transaction as the events, so that a crash cannot leave a chunk that
 * was acknowledged without either (PROTOCOL.md, {@code ack}).
 */
public interface OpenChunks {
    /**
     * One open chunk: the member's chunk {@code chunkSeq} in a meeting, recorded as the event {@code chunkEvent} by
     * the instance {@code instance} ({@code null}: unknown, accepted before instances were recorded).
     */
    record OpenChunk(
            String org,
            String meetingId,
            String member,
            long chunkSeq,
            String chunkEvent,
            Instant acceptedAt,
            String instance) {}

    /** Open chunks accepted before {@code cutoff}, oldest first, at most {@code limit}. */
    List<OpenChunk> acceptedBefore(Instant cutoff, int limit);

    /**
     * The member's open chunks in the meeting that another instance than this one accepted (or an unknown one),
     * oldest first: what must be decided or abandoned before this instance decides the member's later chunks there.
     */
    List<OpenChunk> acceptedElsewhere(String org, String meetingId, String member);

    /** This instance's id, as it holds the chunks it accepts (and its leases). */
    String instance();
}
