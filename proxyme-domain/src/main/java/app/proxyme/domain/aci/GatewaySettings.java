package app.proxyme.domain.aci;

import java.time.Duration;

/**
 * The gateway's limits.
 *
 * @param tokenTtl how long a token reference lives (at most 10 minutes, ACI.md)
 * @param maxDepth the deepest chain the organisation allows ({@code auth.maxDepth} may only be lower)
 * @param clockSkew how far an envelope's {@code ts} may be from now (ACI.md: 120 s)
 * @param hopsPerMinute more hops than this in one chain within a minute is flagged as an anomaly
 */
public record GatewaySettings(Duration tokenTtl, int maxDepth, Duration clockSkew, int hopsPerMinute) {
    public static final GatewaySettings DEFAULTS =
            new GatewaySettings(Duration.ofMinutes(10), 3, Duration.ofSeconds(120), 30);

    public GatewaySettings {
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("token references live at most 10 minutes: " + tokenTtl);
        }
        if (maxDepth < 1 || maxDepth > 16) {
            throw new IllegalArgumentException("maxDepth must be in [1,16]: " + maxDepth);
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("negative clock skew");
        }
        if (hopsPerMinute < 1) {
            throw new IllegalArgumentException("hopsPerMinute must be positive");
        }
    }
}
