package app.proxyme.engine.policy;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.policy.file.PolicyConditions;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyDocument.TestSpec;
import app.proxyme.engine.policy.file.PolicyTuples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a document's test cases as the playground's dry run decides a question, but over the document itself: the
 * case's text classified over its topics, then decided with its rules and settings, its FGA tuples and
 * {@code auto_when} conditions in an in-memory store, and the case's meeting values. A case for a role is decided
 * for a member of its own ({@code policy-case-<i>@example.invalid}) who holds that role.
 */
public final class DecidedPolicyCases implements PolicyCases {

    /** A relationship check over a model and tuples held in memory (the embedded evaluator). */
    @FunctionalInterface
    public interface InMemoryCheck {
        RelationshipCheck over(FgaModel model, TupleStore tuples);
    }

    private final TopicClassifier classifier;
    private final PolicySettings defaults;
    private final InMemoryCheck check;

    /**
     * @param classifier the runtime's classifier (the one the playground uses)
     * @param defaults the settings a document leaves out
     * @param check the embedded relationship check over a document's model and tuples
     */
    public DecidedPolicyCases(TopicClassifier classifier, PolicySettings defaults, InMemoryCheck check) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public List<String> failures(PolicyDocument doc) {
        if (doc.tests().isEmpty()) {
            return List.of();
        }
        OrgPolicy policy = doc.toOrgPolicy(defaults, 0);
        var tuples = new InMemoryTupleStore();
        tuples.write(PolicyTuples.of(doc));
        var decider = new PolicyDecider(check.over(ProductModel.with(PolicyConditions.of(doc)), tuples));
        var failures = new ArrayList<String>();
        for (int i = 0; i < doc.tests().size(); i++) {
            TestSpec t = doc.tests().get(i);
            Decision decision = decider.decide(request(doc, policy, tuples, t, i), Flow.IGNORE);
            String layer = decision.layer() == null ? null : decision.layer().wire();
            boolean passes = decision.outcome().name().equals(t.outcome())
                    && (t.layer() == null || t.layer().equals(layer));
            if (!passes) {
                failures.add("tests[" + i + "]: expected " + t.outcome()
                        + (t.layer() == null ? "" : " by " + t.layer()) + ", decided "
                        + decision.outcome() + (layer == null ? "" : " by " + layer) + ": " + decision.reason());
            }
        }
        return failures;
    }

    private DecisionRequest request(
            PolicyDocument doc, OrgPolicy policy, InMemoryTupleStore tuples, TestSpec t, int index) {
        Member member;
        if (t.member() != null) {
            var spec = doc.members().get(t.member());
            member = new Member(t.member(), doc.org(), spec.role(), spec.name());
        } else {
            member = new Member("policy-case-" + index + "@example.invalid", doc.org(), t.role(), null);
            tuples.write(List.of(new Tuple(
                    PolicyTuples.role(doc.org(), t.role()), PolicyTuples.ASSIGNEE, "user:" + member.email())));
        }
        Classification classification = classifier.classify(policy.catalog(), t.text());
        return new DecisionRequest(
                member,
                t.text(),
                classification,
                policy.catalog(),
                policy.rules(),
                Set.of(),
                policy.settings(),
                values(policy, t),
                policy.context());
    }

    /** The case's values as the decision reads them: checked and typed as a user's values are. */
    private static Map<String, Object> values(OrgPolicy policy, TestSpec t) {
        return new LinkedHashMap<>(policy.context().check(t.context(), "context"));
    }
}
