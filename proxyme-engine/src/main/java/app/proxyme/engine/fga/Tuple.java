package app.proxyme.engine.fga;

import java.util.Objects;

/**
 * One relationship tuple in OpenFGA's terms: {@code user} has {@code relation} on {@code object}, e.g.
 * {@code topic:acme/product#auto_responder@role:acme/junior_ae#assignee}.
 */
public record Tuple(String object, String relation, String user) {
    public Tuple {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(user, "user");
        if (!object.contains(":") || !user.contains(":") || relation.isBlank()) {
            throw new IllegalArgumentException("not a tuple: " + object + "#" + relation + "@" + user);
        }
    }

    @Override
    public String toString() {
        return object + "#" + relation + "@" + user;
    }
}
