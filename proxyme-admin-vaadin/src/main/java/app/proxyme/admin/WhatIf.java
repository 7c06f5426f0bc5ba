package app.proxyme.admin;

import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What would change a dry run's decision, read from its trace and the policy: the rule that held or refused it (and
 * what it matched), the role's permission that capped it, the classifier's doubt. Each line names the change and the
 * outcome it would give, in the words the console's other screens use.
 */
final class WhatIf {
    private static final Pattern RULE = Pattern.compile("^rule ([^:]+): ");

    private WhatIf() {}

    /**
     * @param decision the dry run's decision
     * @param role the role of the member it was made for
     * @param policy the organisation's policy
     * @param text what the customer said
     */
    static List<String> of(Decision decision, String role, PolicyOverview policy, String text) {
        var out = new ArrayList<String>();
        if (decision.outcome() == Outcome.NONE) {
            out.add("Not read as a question for us, so nothing is decided: a question or request on a topic of the"
                    + " catalogue would be.");
            return out;
        }
        if (decision.topic() == null) {
            out.add("No topic of the catalogue fits, so it is held for approval: add this wording as an example of the"
                    + " topic it is about (Topics) and that topic's permissions decide.");
            return out;
        }
        String topic = decision.topic();
        Optional<RoleEntry> entry =
                policy.roles().stream().filter(r -> r.name().equals(role)).findFirst();
        Effect fga = entry.map(r -> policy.effect(r, topic)).orElse(Effect.DENY);
        Effect rules = Effect.AUTO;
        for (TraceEntry t : decision.trace()) {
            if (t.layer() == Layer.RULES && topic.equals(t.topic()) && !t.isSkipped()) {
                rules = t.effect();
                ruleLine(t, decision, policy, text, fga).ifPresent(out::add);
            }
        }
        if (decision.unsure()) {
            out.add(String.format(
                    Locale.ROOT,
                    "Unsure of the topic (confidence %.2f): more examples like this one under %s (Topics) would make"
                            + " the reading sure, and then %s.",
                    decision.confidence(),
                    topic,
                    would(rules.atMost(fga))));
        }
        if (fga != Effect.AUTO) {
            out.add(capital(would(rules)) + " if role " + role + " had AUTO on " + topic + " (Roles; now " + fga + ")");
        }
        if (fga == Effect.DENY) {
            out.add(capital(would(rules.atMost(Effect.APPROVE))) + " if role " + role + " had APPROVE on " + topic);
        }
        if (fga != Effect.DENY && rules != Effect.DENY) {
            out.add("Never answered if role " + role + " had DENY on " + topic + ", or a rule such as \"Never discuss "
                    + topic.replace('_', ' ') + "\" applied (Rules)");
        }
        return out;
    }

    private static Optional<String> ruleLine(
            TraceEntry t, Decision decision, PolicyOverview policy, String text, Effect fga) {
        if (t.effect() == Effect.AUTO) {
            return Optional.empty();
        }
        Matcher m = RULE.matcher(t.detail());
        if (!m.find()) {
            return Optional.empty();
        }
        String id = m.group(1);
        var rule = policy.rules().stream().filter(r -> r.id().equals(id)).findFirst();
        String because = rule.map(r -> matched(r, text, decision.topic())).orElse("applies");
        return Optional.of(done(t.effect()) + " because rule " + id + " " + because + ": without it (disable it under"
                + " Rules) " + would(fga));
    }

    /** What of the rule the text met: "matches 'salary'", or "applies to personnel". */
    static String matched(RuleEntry rule, String text, String topic) {
        for (String phrase : rule.phrases()) {
            try {
                Matcher m = Pattern.compile(phrase, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text);
                if (m.find()) {
                    return "matches '" + m.group() + "'";
                }
            } catch (PatternSyntaxException e) {
                // RE2 syntax Java does not read: say which rule, not what it matched
            }
        }
        return rule.topics().contains(topic) ? "applies to " + topic : "applies";
    }

    /** "held for approval", "denied", "answered on its own". */
    private static String done(Effect effect) {
        return switch (effect) {
            case DENY -> "Denied";
            case APPROVE -> "Held for approval";
            case AUTO -> "Answered on its own";
        };
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String would(Effect effect) {
        return switch (effect) {
            case DENY -> "it would still be denied";
            case APPROVE -> "it would be held for approval";
            case AUTO -> "it would be answered on its own";
        };
    }
}
