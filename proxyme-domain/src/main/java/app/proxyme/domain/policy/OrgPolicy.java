package app.proxyme.domain.policy;

import java.util.List;
import java.util.Objects;

/**
 * What the decision needs of an organisation's policy besides FGA's relationships.
 *
 * @param org the organisation
 * @param catalog its topics
 * @param rules its compiled natural-language rules
 * @param settings its thresholds and deadlines
 * @param context its meeting context and conditional effects
 */
public record OrgPolicy(
        String org, TopicCatalog catalog, List<Rule> rules, PolicySettings settings, ContextPolicy context) {
    public OrgPolicy {
        OrgId.require(org);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(settings, "settings");
        context = Objects.requireNonNullElse(context, ContextPolicy.NONE);
        rules = List.copyOf(rules);
        if (!catalog.org().equals(org)) {
            throw new IllegalArgumentException("catalogue of " + catalog.org() + " in the policy of " + org);
        }
    }

    /** A policy without meeting context. */
    public OrgPolicy(String org, TopicCatalog catalog, List<Rule> rules, PolicySettings settings) {
        this(org, catalog, rules, settings, ContextPolicy.NONE);
    }
}
