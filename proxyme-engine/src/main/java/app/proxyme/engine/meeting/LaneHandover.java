package app.proxyme.engine.meeting;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.KeepChunkOrder;
import app.proxyme.domain.port.out.OpenChunks;
import app.proxyme.domain.port.out.OpenChunks.OpenChunk;
import java.time.Duration;
import java.util.List;

/**
 * Keeps a member's chunks in order when their connection moves to this instance: before the first chunk of the new
 * connection is decided, it waits for the chunks of that member and meeting which another instance accepted and has
 * not decided yet (polling every {@link #POLL}); those of an instance that has stopped are recorded as
 * {@code chunk_abandoned} at once instead of after the recovery job's grace period. A running instance that takes
 * longer than {@link #MAX_WAIT} is not waited for further (it is logged): the meeting goes on.
 */
public final class LaneHandover implements KeepChunkOrder {
    private static final System.Logger LOG = System.getLogger(LaneHandover.class.getName());
    static final Duration POLL = Duration.ofMillis(50);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final OpenChunks open;
    private final InstanceLiveness liveness;
    private final ChunkRecovery recovery;

    public LaneHandover(OpenChunks open, InstanceLiveness liveness, ChunkRecovery recovery) {
        this.open = open;
        this.liveness = liveness;
        this.recovery = recovery;
    }

    @Override
    public void awaitEarlierChunks(Member member, String meetingId) {
        long until = System.nanoTime() + MAX_WAIT.toNanos();
        while (true) {
            List<OpenChunk> elsewhere = open.acceptedElsewhere(member.org(), meetingId, member.email());
            boolean running = false;
            for (OpenChunk c : elsewhere) {
                if (liveness.alive(c.instance())) {
                    running = true;
                } else {
                    recovery.abandon(c);
                }
            }
            if (elsewhere.isEmpty()) {
                return;
            }
            if (running && System.nanoTime() > until) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "another instance has not decided " + member.email() + "'s earlier chunks of meeting "
                                + meetingId + " within " + MAX_WAIT.toSeconds() + " s: deciding the later ones");
                return;
            }
            if (running) {
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
