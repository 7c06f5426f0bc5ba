package app.proxyme.domain.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A short-lived token for one scope (and topic), as the vault issued it.
 *
 * @param value the token itself: never logged
 * @param scope {@code read:transcripts}, {@code write:suggestions}, ...
 * @param topic the topic it is bound to, or {@code null}
 * @param expiresAt when it stops being valid
 * @param cached whether the vault answered from its cache
 */
public record ScopedToken(String value, String scope, String topic, Instant expiresAt, boolean cached) {
    public ScopedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ScopedToken[scope=" + scope + ", topic=" + topic + ", expiresAt=" + expiresAt + ", cached=" + cached
                + "]";
    }
}
