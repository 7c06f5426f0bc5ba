package app.proxyme.domain.connect;

import app.proxyme.domain.DependencyUnavailableException;
import java.time.Duration;

/** An outside service asked to wait ({@code 429}): nothing was done; try again after {@link #retryAfter()}. */
public class RateLimitedException extends DependencyUnavailableException {
    private final Duration retryAfter;

    public RateLimitedException(String dependency, Duration retryAfter) {
        super(dependency, "rate limited: try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
