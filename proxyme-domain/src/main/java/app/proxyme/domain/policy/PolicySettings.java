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
    /**
     * The defaults, the one place they are written: what an organisation's policy and the runtime's configuration
     * leave out. Threshold and margin were chosen by a sweep of the local classifier through the real decision
     * (threshold 0.3-0.6, margin 0.1-0.4) on the labelled dev utterances and held-out sentences: every threshold
     * gave zero unsafe {@code AUTO}; 0.5 keeps useful {@code AUTO} above 0.9 while holding near misses. A margin of
     * 0.1 was already safe; 0.3 keeps slack for unseen utterances (about 4 points of useful {@code AUTO}).
     * ClassifierEvaluationTest checks these values. 120 s is the approval deadline.
     */
    public static final PolicySettings DEFAULTS = new PolicySettings(0.50, 0.30, Duration.ofSeconds(120));

    /**
     * The shortest audit retention an organisation may set ({@code settings.auditRetentionDays}), in days: one admin
     * cannot have the trail erased by the next retention run, and a month of events always stays to be reviewed.
     */
    public static final int MIN_AUDIT_RETENTION_DAYS = 30;

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
