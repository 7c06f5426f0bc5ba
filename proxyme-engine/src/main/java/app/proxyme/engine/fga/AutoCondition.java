package app.proxyme.engine.fga;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A condition generated from a policy's {@code auto_when}: the model declares it, and the role's conditional
 * {@code auto_responder} tuple on the topic is written with it.
 *
 * @param name the condition's name in the model
 * @param parameters the meeting values the expression reads, with their types ({@code int}, {@code string}, ...)
 * @param expression the CEL expression
 */
public record AutoCondition(String name, Map<String, String> parameters, String expression) {
    public AutoCondition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The condition in the DSL: {@code condition name(deal_size: int) { deal_size < 50000 }}. */
    String dsl() {
        var params = new StringBuilder();
        parameters.forEach((p, type) -> params.append(params.isEmpty() ? "" : ", ")
                .append(p)
                .append(": ")
                .append(type));
        return "condition " + name + "(" + params + ") {\n  " + expression + "\n}\n";
    }

    /** The compiled condition; CEL's syntax or type error is an {@link IllegalArgumentException}. */
    public FgaCondition compile() {
        var types = new LinkedHashMap<String, ConditionType>();
        parameters.forEach((p, type) -> types.put(p, new ConditionType(type, null)));
        return new FgaCondition(name, expression, types);
    }
}
