package app.proxyme.engine.fga;

import app.proxyme.engine.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The FGA tuples that express a policy document's roles and members:
 * {@code role:<org>/<role>#assignee@user:<email>} per member, and per role and topic
 * {@code auto_responder} (AUTO), {@code approval_responder} (APPROVE) or {@code blocked} (DENY) for the role's
 * assignees. A topic in none of a role's lists gets no tuple, which the model also reads as DENY.
 */
public final class PolicyTuples {
    public static final String ASSIGNEE = "assignee";
    public static final String AUTO_RESPONDER = "auto_responder";
    public static final String APPROVAL_RESPONDER = "approval_responder";
    public static final String BLOCKED = "blocked";

    private PolicyTuples() {}

    public static String role(String org, String role) {
        return "role:" + org + "/" + role;
    }

    /** The userset of a role's assignees: {@code role:<org>/<role>#assignee}. */
    public static String assignees(String org, String role) {
        return role(org, role) + "#" + ASSIGNEE;
    }

    /** The prefixes of every object the organisation owns. */
    public static List<String> objectPrefixes(String org) {
        return List.of("role:" + org + "/", "topic:" + org + "/");
    }

    public static List<Tuple> of(PolicyDocument doc) {
        String org = doc.org();
        var tuples = new ArrayList<Tuple>();
        doc.members().forEach((email, m) ->
                tuples.add(new Tuple(role(org, m.role()), ASSIGNEE, "user:" + email.toLowerCase(java.util.Locale.ROOT))));
        doc.roles().forEach((role, spec) -> {
            String who = assignees(org, role);
            spec.auto().forEach(t -> tuples.add(new Tuple(topic(org, t), AUTO_RESPONDER, who)));
            spec.approve().forEach(t -> tuples.add(new Tuple(topic(org, t), APPROVAL_RESPONDER, who)));
            spec.deny().forEach(t -> tuples.add(new Tuple(topic(org, t), BLOCKED, who)));
        });
        return tuples;
    }

    private static String topic(String org, String topic) {
        return app.proxyme.domain.port.RelationshipCheck.topic(org, topic);
    }
}
