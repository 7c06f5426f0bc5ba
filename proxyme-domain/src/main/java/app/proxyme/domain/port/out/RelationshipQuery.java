package app.proxyme.domain.port.out;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One relationship question in OpenFGA's terms: does {@code user} have {@code relation} on {@code object}, given the
 * {@code context} (values for the parameters of conditional relationships, e.g. the meeting's {@code deal_size})?
 */
public record RelationshipQuery(String user, String relation, String object, Map<String, Object> context) {
    public RelationshipQuery {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(object, "object");
        context = context == null || context.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** A question without context. */
    public RelationshipQuery(String user, String relation, String object) {
        this(user, relation, object, Map.of());
    }
}
