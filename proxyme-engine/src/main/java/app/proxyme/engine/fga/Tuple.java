package app.proxyme.engine.fga;

import java.util.Objects;

/**
 * One relationship tuple in OpenFGA's terms: {@code user} has {@code relation} on {@code object}, e.g.
 * {@code topic:acme/product#auto_responder@role:acme/junior_ae#assignee}, optionally only while a
 * {@link TupleCondition} holds. Object, relation and user are its key: a store holds one tuple per key.
 */
public record Tuple(String object, String relation, String user, TupleCondition condition) {
    public Tuple {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(user, "user");
        if (!object.contains(":") || !user.contains(":") || relation.isBlank()) {
            throw new IllegalArgumentException("not a tuple: " + object + "#" + relation + "@" + user);
        }
    }

    /** An unconditional tuple. */
    public Tuple(String object, String relation, String user) {
        this(object, relation, user, null);
    }

    /** The name of the tuple's condition, or {@code null}. */
    public String conditionName() {
        return condition == null ? null : condition.name();
    }

    /** {@code object#relation@user}: what identifies the tuple in a store. */
    public String key() {
        return object + "#" + relation + "@" + user;
    }

    @Override
    public String toString() {
        return condition == null ? key() : key() + " with " + condition.name() + condition.context();
    }
}
