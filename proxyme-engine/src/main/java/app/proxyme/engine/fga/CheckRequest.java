package app.proxyme.engine.fga;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One check: has {@code user} the {@code relation} on {@code object}, given extra contextual tuples and the request's
 * context (values for the parameters of the model's conditions)?
 */
public record CheckRequest(
        String user, String relation, String object, List<Tuple> contextualTuples, Map<String, Object> context) {
    public CheckRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(object, "object");
        contextualTuples = contextualTuples == null ? List.of() : List.copyOf(contextualTuples);
        context = context == null || context.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public CheckRequest(String user, String relation, String object, List<Tuple> contextualTuples) {
        this(user, relation, object, contextualTuples, Map.of());
    }

    public CheckRequest(String user, String relation, String object) {
        this(user, relation, object, List.of(), Map.of());
    }
}
