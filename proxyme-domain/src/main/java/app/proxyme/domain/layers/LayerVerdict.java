package app.proxyme.domain.layers;

import app.proxyme.domain.decision.ConditionUse;
import app.proxyme.domain.policy.Effect;
import java.util.Objects;

/**
 * What one layer says about one topic.
 *
 * @param effect the effect
 * @param detail why, for the trace
 * @param unavailable true when the layer could not ask its service and fell back to a closed effect
 * @param condition the conditional effect that was evaluated, or {@code null}
 */
public record LayerVerdict(Effect effect, String detail, boolean unavailable, ConditionUse condition) {
    public LayerVerdict {
        Objects.requireNonNull(effect, "effect");
        detail = detail == null ? "" : detail;
        if (unavailable && effect == Effect.AUTO) {
            throw new IllegalArgumentException("an unavailable layer never allows AUTO");
        }
    }

    public LayerVerdict(Effect effect, String detail, boolean unavailable) {
        this(effect, detail, unavailable, null);
    }

    public static LayerVerdict of(Effect effect, String detail) {
        return new LayerVerdict(effect, detail, false);
    }
}
