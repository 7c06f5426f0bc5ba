package app.proxyme.domain.layers;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.policy.ContextPolicy;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.policy.Rule;
import app.proxyme.domain.policy.TopicCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the decision needs besides the FGA port.
 *
 * @param member who the decision is for (the chunk's sender)
 * @param text what was said (untrusted data: only matched, never interpreted)
 * @param classification what the classifier made of it
 * @param catalog the organisation's topics
 * @param rules the organisation's compiled rules (those not applying to the member are ignored)
 * @param disabledTopics topics the member switched off for this meeting
 * @param settings thresholds
 * @param context the meeting values the member set (values of conditional relationships, e.g. {@code deal_size})
 * @param contextPolicy the organisation's declared values and conditional topics (FGA evaluates the conditions;
 *     the trace shows them)
 */
public record DecisionRequest(
        Member member,
        String text,
        Classification classification,
        TopicCatalog catalog,
        List<Rule> rules,
        Set<String> disabledTopics,
        PolicySettings settings,
        Map<String, Object> context,
        ContextPolicy contextPolicy) {
    public DecisionRequest {
        context = context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        contextPolicy = contextPolicy == null ? ContextPolicy.NONE : contextPolicy;
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(settings, "settings");
        rules = List.copyOf(rules);
        disabledTopics = Set.copyOf(disabledTopics);
        if (!catalog.org().equals(member.org())) {
            throw new IllegalArgumentException(
                    "catalogue of " + catalog.org() + " used for a member of " + member.org());
        }
        if (context.containsValue(null)) {
            throw new IllegalArgumentException("a context value is null");
        }
    }

    /** A request without meeting context. */
    public DecisionRequest(
            Member member,
            String text,
            Classification classification,
            TopicCatalog catalog,
            List<Rule> rules,
            Set<String> disabledTopics,
            PolicySettings settings) {
        this(member, text, classification, catalog, rules, disabledTopics, settings, Map.of(), ContextPolicy.NONE);
    }
}
