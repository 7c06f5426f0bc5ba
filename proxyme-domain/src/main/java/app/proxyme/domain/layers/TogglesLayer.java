package app.proxyme.domain.layers;

import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Layer 3: the user's per-meeting category switches; a topic switched off is at most {@code APPROVE}. */
final class TogglesLayer implements PolicyLayer {
    private final Set<String> disabled;

    TogglesLayer(Set<String> disabled) {
        this.disabled = Set.copyOf(disabled);
    }

    @Override
    public Layer layer() {
        return Layer.TOGGLES;
    }

    @Override
    public FlowStep step() {
        return FlowStep.TOGGLES;
    }

    @Override
    public Map<String, LayerVerdict> evaluate(Member member, String text, List<String> topics) {
        var verdicts = new LinkedHashMap<String, LayerVerdict>();
        for (String topic : topics) {
            verdicts.put(
                    topic,
                    disabled.contains(topic)
                            ? LayerVerdict.of(Effect.APPROVE, topic + " is switched off for this meeting")
                            : LayerVerdict.of(Effect.AUTO, topic + " is on"));
        }
        return verdicts;
    }
}
