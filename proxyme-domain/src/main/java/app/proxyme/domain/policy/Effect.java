package app.proxyme.domain.policy;

/**
 * What a policy layer allows for one topic, ordered from most to least restrictive: {@code DENY < APPROVE < AUTO}.
 * Combining layers always keeps the most restrictive effect.
 */
public enum Effect {
    DENY,
    APPROVE,
    AUTO;

    /** The more restrictive of this effect and {@code other}. */
    public Effect and(Effect other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** This effect, lowered to {@code cap} when it is above it. */
    public Effect atMost(Effect cap) {
        return and(cap);
    }

    public boolean isMoreRestrictiveThan(Effect other) {
        return compareTo(other) < 0;
    }
}
