package app.proxyme.web.app;

import java.time.Duration;

/**
 * The chunk lanes' limits.
 *
 * @param capacity chunks of one user in one meeting that may wait to be decided; another one gets {@code busy}
 * @param drain how long a graceful shutdown waits for accepted chunks to be decided
 * @param messagesPerSecond how many messages one user may send a second in one meeting before the server reads them
 *     more slowly ({@link InboundPace}); 0: no pacing
 */
public record LaneSettings(int capacity, Duration drain, int messagesPerSecond) {
    /** 64 waiting chunks, 10 s to drain, 2 messages a second (a speaker's final chunks come every 2 s or so). */
    public static final LaneSettings DEFAULTS = new LaneSettings(64, Duration.ofSeconds(10), 2);
}
