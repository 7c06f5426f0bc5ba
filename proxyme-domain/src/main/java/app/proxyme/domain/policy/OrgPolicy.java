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
 */
public record OrgPolicy(String org, TopicCatalog catalog, List<Rule> rules, PolicySettings settings) {
    public OrgPolicy {
        OrgId.require(org);
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(settings, "settings");
        rules = List.copyOf(rules);
        if (!catalog.org().equals(org)) {
            throw new IllegalArgumentException("catalogue of " + catalog.org() + " in the policy of " + org);
        }
    }
}
