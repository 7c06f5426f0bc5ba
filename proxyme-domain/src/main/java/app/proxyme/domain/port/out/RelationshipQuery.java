package app.proxyme.domain.port.out;

import java.util.Objects;

/** One relationship question in OpenFGA's terms: does {@code user} have {@code relation} on {@code object}? */
public record RelationshipQuery(String user, String relation, String object) {
    public RelationshipQuery {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(object, "object");
    }
}
