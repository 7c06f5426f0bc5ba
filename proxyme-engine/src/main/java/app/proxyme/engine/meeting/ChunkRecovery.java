package app.proxyme.engine.meeting;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.OpenChunks;
import app.proxyme.domain.port.out.OpenChunks.OpenChunk;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Ends acknowledged chunks that will never be decided: a chunk still open (its {@code chunk} event recorded, no
 * {@code decision}) after the process that accepted it died — a crash, or a shutdown that could not drain its lanes
 * in time — gets a {@code chunk_abandoned} event ({@code detail.chunkSeq}, {@code detail.chunkEvent}), so that
 * every acknowledged chunk ends in the trail with one of the two (PROTOCOL.md, {@code ack}). The audit log refuses
 * to abandon a chunk that was decided or abandoned meanwhile, so two runs at once record each chunk once.
 */
public final class ChunkRecovery {
    private static final System.Logger LOG = System.getLogger(ChunkRecovery.class.getName());
    static final int BATCH = 500;

    private final OpenChunks open;
    private final AuditLog audit;
    private final InstanceLiveness liveness;

    public ChunkRecovery(OpenChunks open, AuditLog audit, InstanceLiveness liveness) {
        this.open = open;
        this.audit = audit;
        this.liveness = liveness;
    }

    /**
     * Records {@code chunk_abandoned} for every open chunk whose instance has stopped ({@link InstanceLiveness}),
     * however recently it was accepted.
     *
     * @return how many chunks were recorded as abandoned
     */
    public int abandonOfStoppedInstances() {
        var alive = new java.util.HashMap<String, Boolean>();
        int abandoned = 0;
        for (OpenChunk chunk : open.acceptedBefore(Instant.ofEpochMilli(Long.MAX_VALUE), BATCH)) {
            boolean running = chunk.instance() != null && alive.computeIfAbsent(chunk.instance(), liveness::alive);
            if (!running && abandon(chunk)) {
                abandoned++;
            }
        }
        if (abandoned > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    abandoned + " acknowledged chunks of stopped instances were recorded as chunk_abandoned");
        }
        return abandoned;
    }

    /**
     * Records {@code chunk_abandoned} for every chunk accepted before {@code cutoff} and still open.
     *
     * @return how many chunks were recorded as abandoned
     * @throws DependencyUnavailableException when the open chunks cannot be read
     */
    public int abandonAcceptedBefore(Instant cutoff) {
        int abandoned = 0;
        while (true) {
            List<OpenChunk> batch = open.acceptedBefore(cutoff, BATCH);
            int before = abandoned;
            for (OpenChunk chunk : batch) {
                if (abandon(chunk)) {
                    abandoned++;
                }
            }
            if (batch.size() < BATCH || abandoned == before) {
                if (abandoned > 0) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            abandoned + " acknowledged chunks were never decided (their process stopped):"
                                    + " recorded as chunk_abandoned");
                }
                return abandoned;
            }
        }
    }

    /** Records {@code chunk_abandoned} for {@code chunk}; false when it was decided or abandoned meanwhile. */
    boolean abandon(OpenChunk chunk) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("chunkSeq", chunk.chunkSeq());
        detail.put("chunkEvent", chunk.chunkEvent());
        detail.put("reason", "the process deciding it stopped before its decision");
        try {
            audit.append(List.of(new AuditEntry(
                    AuditType.CHUNK_ABANDONED,
                    chunk.org(),
                    chunk.meetingId(),
                    chunk.member(),
                    "engine",
                    null,
                    null,
                    null,
                    detail)));
            return true;
        } catch (DependencyUnavailableException e) {
            // decided or abandoned meanwhile (nothing appended), or the trail is down: the next run sees it again
            return false;
        }
    }
}
