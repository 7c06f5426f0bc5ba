package app.proxyme.domain.policy;

import java.time.Duration;

/**
 * Per-organisation tunables of the decision.
 *
 * @param minConfidence below this classifier confidence the outcome is at most {@code APPROVE}
 * @param ambiguityMargin topics whose confidence is within this margin of the best are plausible too
 * @param approvalTimeout how long a held suggestion waits for its approver before it expires
 */
public record PolicySettings(double minConfidence, double ambiguityMargin, Duration approvalTimeout) {
    public PolicySettings {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0,1]: " + minConfidence);
        }
        if (!(ambiguityMargin >= 0 && ambiguityMargin <= 1)) {
            throw new IllegalArgumentException("ambiguityMargin must be in [0,1]: " + ambiguityMargin);
        }
        if (approvalTimeout == null || approvalTimeout.isNegative() || approvalTimeout.isZero()) {
            throw new IllegalArgumentException("approvalTimeout must be positive: " + approvalTimeout);
        }
    }
}
