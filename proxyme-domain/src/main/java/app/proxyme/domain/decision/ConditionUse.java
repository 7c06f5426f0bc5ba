package app.proxyme.domain.decision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a conditional effect ({@code auto_when}) was evaluated for one decision: the expression, the meeting values it
 * was given, whether it held, and which values it needed but did not have (then it does not hold: fail closed).
 *
 * @param expression the CEL expression of the policy
 * @param values the meeting values the expression reads that were set, by name
 * @param holds whether the effect was lifted to {@code AUTO}
 * @param missing the values it reads that were not set
 */
public record ConditionUse(String expression, Map<String, Object> values, boolean holds, List<String> missing) {
    public ConditionUse {
        Objects.requireNonNull(expression, "expression");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        missing = List.copyOf(missing);
        if (holds && !missing.isEmpty()) {
            throw new IllegalArgumentException("a condition missing " + missing + " does not hold");
        }
    }

    /** For a trace line: {@code deal_size < 50000 holds (deal_size=30000)}. */
    public String describe() {
        var used = new StringBuilder();
        values.forEach((k, v) ->
                used.append(used.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        if (!missing.isEmpty()) {
            return expression + " does not hold: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing" + (used.isEmpty() ? "" : " (" + used + ")");
        }
        return expression + (holds ? " holds" : " does not hold") + (used.isEmpty() ? "" : " (" + used + ")");
    }
}
