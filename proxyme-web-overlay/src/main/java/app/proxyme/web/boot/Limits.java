package app.proxyme.web.boot;

import app.proxyme.web.app.LaneSettings;
import app.proxyme.web.app.RequestLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The runtime's rate limits, from the settings. */
@ApplicationScoped
class Limits {
    /** {@code POST /api/policy/evaluate}: per user ({@code PROXYME_EVALUATE_PER_MINUTE}). */
    @Produces
    @Singleton
    RequestLimiter evaluateLimiter(RuntimeSettings settings) {
        return new RequestLimiter(settings.evaluatePerMinute());
    }

    /** The overlay's chunk lanes and sockets: the lanes' bound, how long a shutdown lets them drain, the read pace. */
    @Produces
    @Singleton
    LaneSettings lanes(RuntimeSettings settings) {
        return new LaneSettings(settings.laneCapacity(), settings.shutdownDrain(), settings.wsMessagesPerSecond());
    }
}
