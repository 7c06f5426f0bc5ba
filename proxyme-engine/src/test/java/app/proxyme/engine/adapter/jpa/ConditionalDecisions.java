package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decisions over a stored policy with a real relationship check: the embedded one (the runtime model over the stored
 * conditions), or a connected one.
 */
public final class ConditionalDecisions {
    private final Database db;
    private final String org;
    private final PolicyDecider decider;

    ConditionalDecisions(Database db, String org) {
        this(db, org, new EmbeddedRelationshipCheck(db.tupleStore(), db.conditionStore()));
    }

    public ConditionalDecisions(Database db, String org, RelationshipCheck check) {
        this.db = db;
        this.org = org;
        this.decider = new PolicyDecider(check);
    }

    /** The decision of a clear pricing question asked of {@code email} with the meeting values. */
    public Decision pricing(String email, Map<String, Object> context) {
        return decide(email, "pricing", "What discount can you give us?", context);
    }

    /** The decision of {@code question}, clearly of {@code topic}, asked of {@code email} with the meeting values. */
    public Decision decide(String email, String topic, String question, Map<String, Object> context) {
        var policy = db.policyStore().policy(org);
        Member member = db.policyStore().member(email).orElseThrow();
        var request = new DecisionRequest(
                member,
                question,
                new Classification(true, 0.95, List.of(new TopicScore(topic, 0.95))),
                policy.catalog(),
                policy.rules(),
                Set.of(),
                policy.settings(),
                context,
                policy.context());
        return decider.decide(request, Flow.IGNORE);
    }
}
