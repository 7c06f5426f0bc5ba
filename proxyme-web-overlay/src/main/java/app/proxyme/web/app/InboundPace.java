package app.proxyme.web.app;

import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Paces what one client sends: at most {@code perSecond} messages a second on average, in bursts of up to
 * {@link #BURST} (an overlay re-sending what it queued while reconnecting) or twice the rate, whichever is more. A
 * message beyond it is not refused: it is read later, so the client's own sends wait on TCP back-pressure and the
 * server spends nothing on a flood (each connection reads on its own virtual thread, so no one else waits).
 */
public final class InboundPace {
    /** Messages read at once before the pace applies. */
    public static final int BURST = 20;

    private final Bucket bucket;

    /** @param perSecond messages a second; 0: no pacing */
    public InboundPace(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("messages per second must be 0 or more: " + perSecond);
        }
        this.bucket = perSecond == 0
                ? null
                : Bucket.builder()
                        .addLimit(limit -> limit.capacity(Math.max(BURST, 2L * perSecond))
                                .refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .build();
    }

    /** Waits until the next message may be read. */
    public void awaitTurn() throws InterruptedException {
        if (bucket != null) {
            bucket.asBlocking().consume(1);
        }
    }
}
