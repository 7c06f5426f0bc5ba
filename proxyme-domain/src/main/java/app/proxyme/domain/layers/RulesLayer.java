package app.proxyme.domain.layers;

import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Layer 1: the organisation's natural-language rules, compiled ahead of time into structured rules. */
final class RulesLayer implements PolicyLayer {
    private final List<Rule> rules;

    RulesLayer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Layer layer() {
        return Layer.RULES;
    }

    @Override
    public FlowStep step() {
        return FlowStep.RULES;
    }

    @Override
    public Map<String, LayerVerdict> evaluate(Member member, String text, List<String> topics) {
        var verdicts = new LinkedHashMap<String, LayerVerdict>();
        for (String topic : topics) {
            Effect effect = Effect.AUTO;
            Rule decisive = null;
            for (Rule rule : rules) {
                if (rule.appliesTo(member)
                        && rule.matches(topic, text)
                        && rule.cap().isMoreRestrictiveThan(effect)) {
                    effect = rule.cap();
                    decisive = rule;
                }
            }
            verdicts.put(
                    topic,
                    decisive == null
                            ? LayerVerdict.of(Effect.AUTO, "no rule matched")
                            : LayerVerdict.of(effect, "rule " + decisive.id() + ": \"" + decisive.text() + "\""));
        }
        return verdicts;
    }
}
