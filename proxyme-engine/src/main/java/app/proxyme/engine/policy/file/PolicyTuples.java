package app.proxyme.engine.policy.file;

import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FGA tuples that express a policy document in the product's model ({@code fga/proxyme.fga}):
 * <ul>
 *   <li>{@code role:<org>/<role>#assignee@user:<email>} per member;</li>
 *   <li>{@code role:<org>/<role>#organization@organization:<org>} and
 *       {@code organization:<org>#member@role:<org>/<role>#assignee} per role;</li>
 *   <li>{@code topic:<org>/<topic>#organization@organization:<org>} per topic;</li>
 *   <li>per role and topic {@code auto_responder} (AUTO), {@code approval_responder} (APPROVE) or {@code blocked}
 *       (DENY) for the role's assignees. A topic in none of a role's lists gets no tuple: the model reads it as
 *       DENY.</li>
 *   <li>per role and permission of its {@code grants}: {@code permission:<org>/<permission>#default_grantor} for the
 *       role's assignees, and {@code permission:<org>/<permission>#organization} per defined permission (ACI.md).</li>
 *   <li>per {@code auto_when} entry a second {@code auto_responder} tuple, written with the generated condition
 *       ({@link PolicyConditions}): AUTO while the condition holds, the listed tuple's effect otherwise.</li>
 * </ul>
 */
public final class PolicyTuples {
    public static final String ASSIGNEE = "assignee";
    public static final String MEMBER = "member";
    public static final String ORGANIZATION = "organization";
    public static final String AUTO_RESPONDER = "auto_responder";
    public static final String APPROVAL_RESPONDER = "approval_responder";
    public static final String BLOCKED = "blocked";
    public static final String DEFAULT_GRANTOR = "default_grantor";

    private PolicyTuples() {}

    public static String role(String org, String role) {
        return "role:" + org + "/" + role;
    }

    /** The FGA object of the organisation itself. */
    public static String organization(String org) {
        return "organization:" + org;
    }

    /** The userset of a role's assignees: {@code role:<org>/<role>#assignee}. */
    public static String assignees(String org, String role) {
        return role(org, role) + "#" + ASSIGNEE;
    }

    /** The prefixes of every role and topic object the organisation owns (see also {@link #organization}). */
    public static List<String> objectPrefixes(String org) {
        return List.of("role:" + org + "/", "topic:" + org + "/", "permission:" + org + "/");
    }

    /** Whether the FGA object belongs to the organisation. */
    public static boolean owns(String org, String object) {
        return object.equals(organization(org)) || objectPrefixes(org).stream().anyMatch(object::startsWith);
    }

    public static List<Tuple> of(PolicyDocument doc) {
        String org = doc.org();
        var tuples = new ArrayList<Tuple>();
        doc.roles().keySet().forEach(role -> {
            tuples.add(new Tuple(role(org, role), ORGANIZATION, organization(org)));
            tuples.add(new Tuple(organization(org), MEMBER, assignees(org, role)));
        });
        doc.topics()
                .keySet()
                .forEach(topic -> tuples.add(new Tuple(topic(org, topic), ORGANIZATION, organization(org))));
        doc.members()
                .forEach((email, m) ->
                        tuples.add(new Tuple(role(org, m.role()), ASSIGNEE, "user:" + email.toLowerCase(Locale.ROOT))));
        doc.roles().forEach((role, spec) -> {
            String who = assignees(org, role);
            spec.auto().forEach(t -> tuples.add(new Tuple(topic(org, t), AUTO_RESPONDER, who)));
            spec.approve().forEach(t -> tuples.add(new Tuple(topic(org, t), APPROVAL_RESPONDER, who)));
            spec.deny().forEach(t -> tuples.add(new Tuple(topic(org, t), BLOCKED, who)));
            spec.autoWhen()
                    .keySet()
                    .forEach(t -> tuples.add(new Tuple(
                            topic(org, t),
                            AUTO_RESPONDER,
                            who,
                            new TupleCondition(PolicyConditions.name(org, role, t)))));
        });
        doc.permissions()
                .keySet()
                .forEach(p -> tuples.add(new Tuple(AgentGrants.permission(org, p), ORGANIZATION, organization(org))));
        doc.grants()
                .forEach((role, permissions) -> permissions.forEach(p ->
                        tuples.add(new Tuple(AgentGrants.permission(org, p), DEFAULT_GRANTOR, assignees(org, role)))));
        return tuples;
    }

    private static String topic(String org, String topic) {
        return RelationshipCheck.topic(org, topic);
    }
}
