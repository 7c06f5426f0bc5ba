package app.proxyme.domain.layers;

import static app.proxyme.domain.port.out.RelationshipCheck.CAN_AUTO_RESPOND;
import static app.proxyme.domain.port.out.RelationshipCheck.CAN_RESPOND_WITH_APPROVAL;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layer 2: the role's permissions as relationships. One batch of checks per chunk; when FGA cannot answer,
 * every topic is at most {@code APPROVE} and marked unavailable (no suggestion is generated).
 */
final class FgaLayer implements PolicyLayer {
    private final RelationshipCheck fga;

    FgaLayer(RelationshipCheck fga) {
        this.fga = fga;
    }

    @Override
    public Layer layer() {
        return Layer.FGA;
    }

    @Override
    public FlowStep step() {
        return FlowStep.FGA;
    }

    @Override
    public Map<String, LayerVerdict> evaluate(Member member, String text, List<String> topics) {
        var verdicts = new LinkedHashMap<String, LayerVerdict>();
        List<Boolean> answers;
        try {
            answers = fga.check(queries(member, topics));
        } catch (DependencyUnavailableException e) {
            for (String topic : topics) {
                verdicts.put(
                        topic, new LayerVerdict(Effect.APPROVE, "authorization unavailable: held for approval", true));
            }
            return verdicts;
        }
        if (answers.size() != topics.size() * 2) {
            throw new IllegalStateException(
                    "relationship check answered " + answers.size() + " of " + topics.size() * 2 + " queries");
        }
        for (int i = 0; i < topics.size(); i++) {
            verdicts.put(
                    topics.get(i), verdict(member.role(), topics.get(i), answers.get(2 * i), answers.get(2 * i + 1)));
        }
        return verdicts;
    }

    static List<RelationshipQuery> queries(Member member, List<String> topics) {
        var queries = new ArrayList<RelationshipQuery>(topics.size() * 2);
        String user = RelationshipCheck.user(member.email());
        for (String topic : topics) {
            String object = RelationshipCheck.topic(member.org(), topic);
            queries.add(new RelationshipQuery(user, CAN_AUTO_RESPOND, object));
            queries.add(new RelationshipQuery(user, CAN_RESPOND_WITH_APPROVAL, object));
        }
        return queries;
    }

    private static LayerVerdict verdict(String role, String topic, boolean auto, boolean withApproval) {
        if (auto) {
            return LayerVerdict.of(Effect.AUTO, "role " + role + " may answer " + topic);
        }
        if (withApproval) {
            return LayerVerdict.of(Effect.APPROVE, "role " + role + " may answer " + topic + " only with approval");
        }
        return LayerVerdict.of(Effect.DENY, "role " + role + " may not answer " + topic);
    }
}
