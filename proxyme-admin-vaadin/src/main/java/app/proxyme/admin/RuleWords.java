package app.proxyme.admin;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import java.util.ArrayList;
import java.util.Locale;

/** A compiled rule in words: what it does, to whom, when it matches. */
final class RuleWords {
    private RuleWords() {}

    /** "DENY: never answered · topics: personnel · phrases: … · entities: customer reference". */
    static String reading(RuleEntry rule) {
        return reading(rule, Integer.MAX_VALUE);
    }

    /** The reading with at most {@code phrases} of its phrases written out, the others counted. */
    static String reading(RuleEntry rule, int phrases) {
        var parts = new ArrayList<String>();
        parts.add(rule.effect() + ": " + effect(rule.effect()));
        if (!rule.topics().isEmpty()) {
            parts.add("topics: " + String.join(", ", rule.topics()));
        }
        if (!rule.phrases().isEmpty()) {
            int shown = Math.min(phrases, rule.phrases().size());
            parts.add("phrases: " + String.join(" | ", rule.phrases().subList(0, shown))
                    + (shown < rule.phrases().size() ? " … (" + (rule.phrases().size() - shown) + " more)" : ""));
        }
        if (!rule.entities().isEmpty()) {
            parts.add("entities: " + String.join(", ", rule.entities()));
        }
        return String.join(" · ", parts);
    }

    /** "everyone in acme", "role junior_ae", "jae@acme.test". */
    static String scope(RuleEntry rule) {
        return rule.scope() == RuleScope.ORG
                ? "organisation"
                : rule.scope().name().toLowerCase(Locale.ROOT) + " " + rule.subject();
    }

    static String effect(Effect effect) {
        return switch (effect) {
            case DENY -> "never answered";
            case APPROVE -> "at most answered after approval";
            case AUTO -> "may be answered on one's own (never more than the role allows)";
        };
    }
}
