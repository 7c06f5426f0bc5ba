package app.proxyme.engine.fga;

import java.util.List;
import java.util.Objects;

/** One check: has {@code user} the {@code relation} on {@code object}, given extra contextual tuples? */
public record CheckRequest(String user, String relation, String object, List<Tuple> contextualTuples) {
    public CheckRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(object, "object");
        contextualTuples = contextualTuples == null ? List.of() : List.copyOf(contextualTuples);
    }

    public CheckRequest(String user, String relation, String object) {
        this(user, relation, object, List.of());
    }
}
