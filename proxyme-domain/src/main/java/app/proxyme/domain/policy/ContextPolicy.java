package app.proxyme.domain.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An organisation's meeting context: the values a user may set for a meeting ({@code deal_size: int}), and per role
 * the topics it answers on its own while a condition over them holds ({@code pricing: "deal_size < 50000"}; the
 * role's listed effect otherwise). The conditions themselves are evaluated by FGA; this is what the decision shows
 * and what a user's values are checked against.
 *
 * @param declared value names with their types ({@code int}, {@code double}, {@code string}, {@code bool})
 * @param autoWhen by role, by topic, the CEL expression
 */
public record ContextPolicy(Map<String, String> declared, Map<String, Map<String, String>> autoWhen) {
    /** No context and no conditions. */
    public static final ContextPolicy NONE = new ContextPolicy(Map.of(), Map.of());

    public ContextPolicy {
        declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
        var copy = new LinkedHashMap<String, Map<String, String>>();
        autoWhen.forEach((role, topics) -> copy.put(role, Collections.unmodifiableMap(new LinkedHashMap<>(topics))));
        autoWhen = Collections.unmodifiableMap(copy);
    }

    /** The conditional topics of a role, by topic. */
    public Map<String, String> autoWhen(String role) {
        return autoWhen.getOrDefault(role, Map.of());
    }

    /**
     * A user's values, checked: each name declared, each value of its declared type ({@code int}: a whole number
     * within 64 bits; {@code double}: a number; {@code string}; {@code bool}). A {@code null} value clears the name.
     *
     * @param field the name of the values' field in the request ({@code values}, {@code context}), for the message
     * @return the values as the decision uses them (whole numbers as {@code Long}, numbers as {@code Double}), nulls kept
     * @throws IllegalArgumentException naming the first field that is not declared or not of its type
     */
    public Map<String, Object> check(Map<String, ?> values, String field) {
        var checked = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> {
            String type = declared.get(name);
            if (type == null) {
                throw new IllegalArgumentException(
                        "field '" + field + "." + name + "' is not a context value of the policy"
                                + (declared.isEmpty()
                                        ? " (it declares none)"
                                        : " (" + String.join(", ", declared.keySet()) + ")"));
            }
            checked.put(name, value == null ? null : typed(field + "." + name, type, value));
        });
        return checked;
    }

    private static Object typed(String field, String type, Object value) {
        Object typed = switch (type) {
            case "int" -> whole(value);
            case "double" -> value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
            case "string" -> value instanceof String s && s.length() <= 200 ? s : null;
            case "bool" -> value instanceof Boolean b ? b : null;
            default -> null;
        };
        if (typed == null) {
            throw new IllegalArgumentException(
                    "field '" + field + "' must be " + (type.equals("int") ? "an int" : "a " + type)
                            + (type.equals("string") ? " of at most 200 characters" : ""));
        }
        return typed;
    }

    private static Long whole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b && b.bitLength() <= 63) {
            return b.longValue();
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
