package app.proxyme.engine.policy.file;

import app.proxyme.engine.fga.AutoCondition;
import app.proxyme.engine.fga.ProductModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy's meeting context and conditional effects in FGA's terms: every {@code roles.<role>.auto_when.<topic>}
 * becomes one {@link AutoCondition} over the declared values its expression reads, named after organisation, role
 * and topic, so that organisations sharing the model never share a condition.
 */
public final class PolicyConditions {
    /** The types a context value may be declared with. */
    public static final List<String> TYPES = List.of("int", "double", "string", "bool");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

    private PolicyConditions() {}

    /** The model's name of the condition of {@code role} on {@code topic} in {@code org}. */
    public static String name(String org, String role, String topic) {
        return "auto_when_" + org.replace('-', '_') + "__" + role + "__" + topic;
    }

    /** The conditions of the document, role by role and topic by topic in file order. */
    public static List<AutoCondition> of(PolicyDocument doc) {
        var conditions = new ArrayList<AutoCondition>();
        doc.roles()
                .forEach((role, spec) -> spec.autoWhen()
                        .forEach((topic, expression) -> conditions.add(new AutoCondition(
                                name(doc.org(), role, topic), parameters(expression, doc.context()), expression))));
        return conditions;
    }

    /**
     * The declared values an expression reads, in declaration order: those it names outside its string literals.
     */
    public static Map<String, String> parameters(String expression, Map<String, String> context) {
        String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
        var used = new LinkedHashMap<String, String>();
        context.forEach((name, type) -> {
            if (Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
                    .matcher(code)
                    .find()) {
                used.put(name, type);
            }
        });
        return used;
    }

    /**
     * What is wrong with the document's context declarations and conditions, each message starting with its path:
     * bad names or types, a condition on an unknown topic or one the role already has as AUTO or DENY, an expression
     * that reads no declared value, CEL's syntax and type errors.
     */
    static List<String> problems(PolicyDocument doc) {
        var problems = new ArrayList<String>();
        doc.context().forEach((name, type) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add("context." + name + ": a context value's name is lower case letters, digits and"
                        + " underscores");
            }
            if (!TYPES.contains(type)) {
                problems.add("context." + name + ": type '" + type + "' is not one of " + String.join(", ", TYPES));
            }
        });
        doc.roles()
                .forEach((role, spec) -> spec.autoWhen().forEach((topic, expression) -> {
                    String at = "roles." + role + ".auto_when." + topic;
                    if (!doc.topics().containsKey(topic)) {
                        problems.add(at + ": unknown topic '" + topic + "'");
                    } else if (spec.auto().contains(topic)) {
                        problems.add(at + ": the role answers " + topic + " on its own already (it is in auto)");
                    } else if (spec.deny().contains(topic)) {
                        problems.add(at + ": " + topic + " is in deny, which a condition cannot lift");
                    }
                    if (expression == null || expression.isBlank()) {
                        problems.add(at
                                + ": the condition is a CEL expression over the context, e.g. \"deal_size < 50000\"");
                        return;
                    }
                    var parameters = parameters(expression, doc.context());
                    if (parameters.isEmpty()) {
                        problems.add(at + ": the condition reads no value of the context section ("
                                + (doc.context().isEmpty()
                                        ? "none is declared"
                                        : String.join(", ", doc.context().keySet()))
                                + ")");
                        return;
                    }
                    if (parameters.values().stream().anyMatch(t -> !TYPES.contains(t))) {
                        return; // reported on the declaration
                    }
                    if (!ROLE.matcher(role).matches()) {
                        problems.add(at + ": a role with conditions is named with letters, digits, '_' and '-' only");
                        return;
                    }
                    var condition = new AutoCondition(name(doc.org(), role, topic), parameters, expression);
                    try {
                        condition.compile();
                        // the model all organisations share must still read: what would break it is this file's error
                        ProductModel.with(List.of(condition));
                    } catch (IllegalArgumentException e) {
                        problems.add(at + ": " + celMessage(e.getMessage()));
                    }
                }));
        return problems;
    }

    /** CEL's message without the generated condition's name. */
    private static String celMessage(String message) {
        return message.replaceFirst("^condition '[^']*' ", "");
    }
}
