package app.proxyme.domain.layers;

import static app.proxyme.domain.port.out.RelationshipCheck.CAN_AUTO_RESPOND;
import static app.proxyme.domain.port.out.RelationshipCheck.CAN_RESPOND_WITH_APPROVAL;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.decision.ConditionUse;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.ContextPolicy;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layer 2: the role's permissions as relationships. One batch of checks per chunk, with the member's meeting context
 * for conditional relationships ({@code auto_when}); when FGA cannot answer, every topic is at most {@code APPROVE}
 * and marked unavailable (no suggestion is generated). A conditional topic's verdict carries the condition, the
 * values it read and those it missed.
 */
final class FgaLayer implements PolicyLayer {
    private final RelationshipCheck fga;
    private final Map<String, Object> context;
    private final ContextPolicy contextPolicy;

    FgaLayer(RelationshipCheck fga) {
        this(fga, Map.of(), ContextPolicy.NONE);
    }

    FgaLayer(RelationshipCheck fga, Map<String, Object> context, ContextPolicy contextPolicy) {
        this.fga = fga;
        this.context = context;
        this.contextPolicy = contextPolicy;
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
            answers = fga.check(queries(member, topics, context));
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
            String topic = topics.get(i);
            boolean auto = answers.get(2 * i);
            LayerVerdict v = verdict(member.role(), topic, auto, answers.get(2 * i + 1));
            String expression = contextPolicy.autoWhen(member.role()).get(topic);
            if (expression != null) {
                v = conditional(v, condition(expression, auto));
            }
            verdicts.put(topic, v);
        }
        return verdicts;
    }

    /**
     * What the condition read (the declared values its expression names that were set) and missed (those that were
     * not: FGA then answers that it does not hold), each in the order the expression names them.
     */
    private ConditionUse condition(String expression, boolean holds) {
        var named = new TreeMap<Integer, String>();
        contextPolicy.declared().keySet().forEach(name -> {
            int at = position(expression, name);
            if (at >= 0) {
                named.put(at, name);
            }
        });
        var values = new LinkedHashMap<String, Object>();
        var missing = new ArrayList<String>();
        named.values().forEach(name -> {
            if (context.containsKey(name)) {
                values.put(name, context.get(name));
            } else {
                missing.add(name);
            }
        });
        return new ConditionUse(expression, values, holds, holds ? List.of() : missing);
    }

    /** Where the expression first names {@code name} as a whole word, or -1. */
    private static int position(String expression, String name) {
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                .matcher(expression);
        return m.find() ? m.start() : -1;
    }

    private static LayerVerdict conditional(LayerVerdict v, ConditionUse condition) {
        return new LayerVerdict(v.effect(), v.detail() + ": " + condition.describe(), v.unavailable(), condition);
    }

    static List<RelationshipQuery> queries(Member member, List<String> topics) {
        return queries(member, topics, Map.of());
    }

    static List<RelationshipQuery> queries(Member member, List<String> topics, Map<String, Object> context) {
        var queries = new ArrayList<RelationshipQuery>(topics.size() * 2);
        String user = RelationshipCheck.user(member.email());
        for (String topic : topics) {
            String object = RelationshipCheck.topic(member.org(), topic);
            queries.add(new RelationshipQuery(user, CAN_AUTO_RESPOND, object, context));
            queries.add(new RelationshipQuery(user, CAN_RESPOND_WITH_APPROVAL, object, context));
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
