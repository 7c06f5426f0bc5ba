package app.proxyme.domain.decision;

import java.util.List;
import java.util.Objects;

/**
 * The decision for one chunk.
 *
 * @param question whether the chunk was a question for us
 * @param topic the topic the outcome is about (the most restrictive plausible one), or {@code null}
 * @param confidence the classifier's confidence in its best topic
 * @param outcome the outcome
 * @param layer the deciding layer: the first, in evaluation order, whose effect equals the outcome
 * @param reason one sentence a participant can read
 * @param trace what every layer said, skipped layers included
 * @param generationAllowed whether a suggestion may be generated (false when denied, unsure of the topic, or an
 *     authorization service was unavailable)
 */
public record Decision(
        boolean question,
        String topic,
        double confidence,
        Outcome outcome,
        Layer layer,
        String reason,
        List<TraceEntry> trace,
        boolean generationAllowed) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(layer, "layer");
        reason = reason == null ? "" : reason;
        trace = List.copyOf(trace);
        if (generationAllowed && (outcome == Outcome.DENY || outcome == Outcome.NONE || topic == null)) {
            throw new IllegalArgumentException("no generation for outcome " + outcome + " / topic " + topic);
        }
    }

    /**
     * Whether the classifier was unsure of the topic (below the confidence threshold): held at {@code APPROVE} by the
     * classifier layer, with nothing drafted and nothing pushed.
     */
    public boolean unsure() {
        return outcome == Outcome.APPROVE && layer == Layer.CLASSIFIER;
    }

    /** A copy lowered by a later check (output check): never raises the outcome. */
    public Decision loweredTo(Outcome lower, Layer by, String why, String restrictedTopic, TraceEntry entry) {
        var newTrace = new java.util.ArrayList<>(trace);
        newTrace.add(entry);
        return new Decision(
                question,
                restrictedTopic,
                confidence,
                lower,
                by,
                why,
                newTrace,
                generationAllowed && lower != Outcome.DENY);
    }
}
