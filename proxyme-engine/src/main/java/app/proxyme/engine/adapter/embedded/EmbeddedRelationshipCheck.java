package app.proxyme.engine.adapter.embedded;

import app.proxyme.domain.port.DependencyUnavailableException;
import app.proxyme.domain.port.RelationshipCheck;
import app.proxyme.domain.port.RelationshipQuery;
import app.proxyme.engine.fga.PolicyTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates Proxy Me's authorization model over the stored tuples, in process:
 *
 * <pre>
 * type role   assignee: [user]
 * type topic  auto_responder: [role#assignee]; approval_responder: [role#assignee]; blocked: [user, role#assignee]
 *             can_auto_respond = auto_responder but not blocked
 *             can_respond_with_approval = (approval_responder or auto_responder) but not blocked
 * </pre>
 *
 * A role userset only counts on a topic of the same organisation ({@code role:acme/...} on {@code topic:acme/...}).
 * Tuples are indexed in memory and re-read when the store reports a write.
 */
public final class EmbeddedRelationshipCheck implements RelationshipCheck {
    private final TupleStore store;
    private volatile Index index;

    public EmbeddedRelationshipCheck(TupleStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<Boolean> check(List<RelationshipQuery> queries) {
        Index current = current();
        return queries.stream().map(q -> current.check(q.user(), q.relation(), q.object())).toList();
    }

    private Index current() {
        long version = store.version();
        Index i = index;
        if (i != null && i.version == version) {
            return i;
        }
        try {
            i = new Index(version, store.read(""));
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException("fga", "tuples cannot be read", e);
        }
        index = i;
        return i;
    }

    /** The tuples of one version, by object and relation. */
    private static final class Index {
        final long version;
        final Map<String, Map<String, Set<String>>> users = new HashMap<>();

        Index(long version, List<Tuple> tuples) {
            this.version = version;
            for (Tuple t : tuples) {
                users.computeIfAbsent(t.object(), o -> new HashMap<>())
                        .computeIfAbsent(t.relation(), r -> new HashSet<>())
                        .add(t.user());
            }
        }

        boolean check(String user, String relation, String object) {
            return switch (relation) {
                case PolicyTuples.ASSIGNEE -> object.startsWith("role:") && direct(object, relation).contains(user);
                case PolicyTuples.AUTO_RESPONDER, PolicyTuples.APPROVAL_RESPONDER ->
                        isTopic(object) && viaRole(user, relation, object);
                case PolicyTuples.BLOCKED -> isTopic(object) && blocked(user, object);
                case CAN_AUTO_RESPOND -> isTopic(object)
                        && viaRole(user, PolicyTuples.AUTO_RESPONDER, object) && !blocked(user, object);
                case CAN_RESPOND_WITH_APPROVAL -> isTopic(object)
                        && (viaRole(user, PolicyTuples.APPROVAL_RESPONDER, object)
                                || viaRole(user, PolicyTuples.AUTO_RESPONDER, object))
                        && !blocked(user, object);
                default -> false;
            };
        }

        private boolean blocked(String user, String topic) {
            return direct(topic, PolicyTuples.BLOCKED).contains(user) || viaRole(user, PolicyTuples.BLOCKED, topic);
        }

        /** Whether {@code user} is an assignee of a role of the topic's organisation holding the relation. */
        private boolean viaRole(String user, String relation, String topic) {
            String rolePrefix = "role:" + org(topic) + "/";
            for (String subject : direct(topic, relation)) {
                if (subject.startsWith(rolePrefix) && subject.endsWith("#" + PolicyTuples.ASSIGNEE)) {
                    String role = subject.substring(0, subject.length() - PolicyTuples.ASSIGNEE.length() - 1);
                    if (direct(role, PolicyTuples.ASSIGNEE).contains(user)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Set<String> direct(String object, String relation) {
            return users.getOrDefault(object, Map.of()).getOrDefault(relation, Set.of());
        }

        private static boolean isTopic(String object) {
            return object.startsWith("topic:") && object.indexOf('/') > "topic:".length();
        }

        private static String org(String topic) {
            return topic.substring("topic:".length(), topic.indexOf('/'));
        }
    }
}
