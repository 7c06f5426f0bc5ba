package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.List;

/** An in-memory FGA answering from a policy document's role matrix: enough for evaluating decisions. */
final class DocumentRoleCheck implements RelationshipCheck {
    private final PolicyDocument doc;

    DocumentRoleCheck(PolicyDocument doc) {
        this.doc = doc;
    }

    @Override
    public List<Boolean> check(List<RelationshipQuery> queries) {
        return queries.stream().map(this::allowed).toList();
    }

    private boolean allowed(RelationshipQuery q) {
        String email = q.user().substring("user:".length());
        var member = doc.members().get(email);
        var role = member == null ? null : doc.roles().get(member.role());
        String prefix = "topic:" + doc.org() + "/";
        if (role == null || !q.object().startsWith(prefix)) {
            return false;
        }
        Effect effect = role.effectOf(q.object().substring(prefix.length()));
        return switch (q.relation()) {
            case CAN_AUTO_RESPOND -> effect == Effect.AUTO;
            case CAN_RESPOND_WITH_APPROVAL -> effect != Effect.DENY;
            default -> false;
        };
    }
}
