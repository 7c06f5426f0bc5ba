package app.proxyme.domain.decision;

import app.proxyme.domain.policy.Effect;
import java.util.Objects;

/**
 * One line of a decision's trace: what a layer said, or that it was skipped.
 *
 * @param layer the layer
 * @param effect its effect, or {@code null} when skipped
 * @param topic the topic it was evaluated for, if any
 * @param detail a short human-readable explanation
 * @param condition the conditional effect the layer evaluated, or {@code null}
 */
public record TraceEntry(Layer layer, Effect effect, String topic, String detail, ConditionUse condition) {
    public TraceEntry {
        Objects.requireNonNull(layer, "layer");
        detail = detail == null ? "" : detail;
    }

    /** A line without a condition. */
    public TraceEntry(Layer layer, Effect effect, String topic, String detail) {
        this(layer, effect, topic, detail, null);
    }

    public static TraceEntry skipped(Layer layer, String topic, String why) {
        return new TraceEntry(layer, null, topic, why);
    }

    public boolean isSkipped() {
        return effect == null;
    }
}
