package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import java.time.Duration;
import java.util.List;

/** The acme policy, its demo sales roles and the real decision, for scoring a classifier on labelled rows. */
final class EvaluationFixture {
    static final List<String> ROLES = List.of("sales_engineer", "junior_ae", "account_executive", "sales_manager");

    final PolicyDocument doc = PolicyFiles.demo("acme");
    final DocumentRoleCheck fga = new DocumentRoleCheck(doc);

    static PolicySettings settings(double minConfidence, double margin) {
        return new PolicySettings(minConfidence, margin, Duration.ofSeconds(120));
    }

    OrgPolicy policy(PolicySettings defaults) {
        return doc.toOrgPolicy(defaults, 1);
    }

    Member memberOf(String role) {
        return doc.memberList().stream()
                .filter(m -> m.role().equals(role))
                .findFirst()
                .orElseThrow();
    }

    List<Classification> classify(LocalTopicClassifier classifier, List<LabelledUtterance> rows) {
        var catalog = policy(settings(0.5, 0.1)).catalog();
        return rows.stream().map(r -> classifier.classify(catalog, r.text())).toList();
    }

    /** The rows classified by {@code classifier} and scored for every demo sales role with the recommended settings. */
    List<Scorecard> scoreAtDefaults(LocalTopicClassifier classifier, List<LabelledUtterance> rows) {
        return score(
                rows,
                classify(classifier, rows),
                settings(PolicySettings.DEFAULTS.minConfidence(), PolicySettings.DEFAULTS.ambiguityMargin()));
    }

    List<Scorecard> score(List<LabelledUtterance> rows, List<Classification> classifications, PolicySettings defaults) {
        OrgPolicy policy = policy(defaults);
        PolicySettings settings = doc.settings(defaults);
        return ROLES.stream()
                .map(role -> Scorecard.of(doc, policy, settings, memberOf(role), rows, classifications, fga))
                .toList();
    }
}
