package app.proxyme.web.app;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-key rate limit: a token bucket (Bucket4j) per key, {@code perMinute} requests a minute refilled evenly,
 * a burst of up to a minute's worth. Kept in this instance's memory: instances that share one database each count
 * on their own.
 */
public final class RequestLimiter {
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute requests a minute per key; 0 or less: no limit */
    public RequestLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one request of {@code key}: empty when allowed, else how long until the next one is. */
    public Optional<Duration> take(String key) {
        if (perMinute <= 0) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(
                        key,
                        k -> Bucket.builder()
                                .addLimit(limit ->
                                        limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
