package app.proxyme.domain.layers;

import app.proxyme.domain.policy.Effect;
import java.util.Objects;

/**
 * What one layer says about one topic.
 *
 * @param effect the effect
 * @param detail why, for the trace
 * @param unavailable true when the layer could not ask its service and fell back to a closed effect
 */
public record LayerVerdict(Effect effect, String detail, boolean unavailable) {
    public LayerVerdict {
        Objects.requireNonNull(effect, "effect");
        detail = detail == null ? "" : detail;
        if (unavailable && effect == Effect.AUTO) {
            throw new IllegalArgumentException("an unavailable layer never allows AUTO");
        }
    }

    public static LayerVerdict of(Effect effect, String detail) {
        return new LayerVerdict(effect, detail, false);
    }
}
