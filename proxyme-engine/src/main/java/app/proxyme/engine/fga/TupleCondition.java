package app.proxyme.engine.fga;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The condition a tuple is written with: the name of a condition of the model and the part of its context stored
 * with the tuple (values as parsed from JSON: strings, numbers, booleans, lists, maps). At check time the request's
 * context is merged in; a value stored with the tuple wins over the request's.
 */
public record TupleCondition(String name, Map<String, Object> context) {
    public TupleCondition {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tuple condition needs a name");
        }
        context = context == null || context.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public TupleCondition(String name) {
        this(name, Map.of());
    }
}
