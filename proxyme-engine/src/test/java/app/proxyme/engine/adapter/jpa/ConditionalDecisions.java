package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decisions over a stored policy with the real embedded check (the runtime model over the stored conditions). */
final class ConditionalDecisions {
    private final Database db;
    private final String org;
    private final PolicyDecider decider;

    ConditionalDecisions(Database db, String org) {
        this.db = db;
        this.org = org;
        this.decider = new PolicyDecider(new EmbeddedRelationshipCheck(db.tupleStore(), db.conditionStore()));
    }

    /** The decision of a clear pricing question asked of {@code email} with the meeting values. */
    Decision pricing(String email, Map<String, Object> context) {
        var policy = db.policyStore().policy(org);
        Member member = db.policyStore().member(email).orElseThrow();
        var request = new DecisionRequest(
                member,
                "What discount can you give us?",
                new Classification(true, 0.95, List.of(new TopicScore("pricing", 0.95))),
                policy.catalog(),
                policy.rules(),
                Set.of(),
                policy.settings(),
                context,
                policy.context());
        return decider.decide(request, Flow.IGNORE);
    }
}
