package app.proxyme.domain.layers;

import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Member;
import java.util.List;
import java.util.Map;

/** One of the three layers of the decision. Layers can only restrict; FGA is the ceiling. */
interface PolicyLayer {
    Layer layer();

    FlowStep step();

    /** The layer's verdict for each of {@code topics} (all of them, in any order). */
    Map<String, LayerVerdict> evaluate(Member member, String text, List<String> topics);
}
