package app.proxyme.engine.policy.file;

import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.engine.policy.rules.RuleReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads policy documents from YAML, reporting every problem instead of the first. */
public final class PolicyFiles {
    /** The demo organisations shipped with Proxy Me, seeded on first start. */
    public static final List<String> DEMO_ORGS = List.of("acme", "globex");

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PolicyFiles() {}

    /**
     * A policy file that does not parse or validate; {@link #errors()} lists all that is wrong, with lines. The
     * engine's name for {@link app.proxyme.domain.policy.InvalidPolicyException}.
     */
    public static final class InvalidPolicyException extends app.proxyme.domain.policy.InvalidPolicyException {
        /** Problems found without a file to point into: each at line 1. */
        public InvalidPolicyException(List<String> problems) {
            super(problems.stream().map(p -> new PolicyProblem(1, p)).toList());
        }

        private InvalidPolicyException(List<PolicyProblem> errors, boolean withLines) {
            super(errors);
        }

        /** The problems, each with the line it was found on. */
        public static InvalidPolicyException at(List<PolicyProblem> errors) {
            return new InvalidPolicyException(errors, true);
        }
    }

    /** The shipped policy of a demo organisation. */
    public static PolicyDocument demo(String org) {
        String resource = "/policies/" + org + ".yaml";
        try (InputStream in = PolicyFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped policy " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates a policy document.
     *
     * @throws InvalidPolicyException with every problem found
     */
    public static PolicyDocument parse(String yaml) {
        return parse(yaml, RuleReading.LOCAL);
    }

    /**
     * Parses and validates a policy document; its rules written as text only are read with {@code reading}.
     *
     * @throws InvalidPolicyException with every problem found
     */
    public static PolicyDocument parse(String yaml, RuleReading reading) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw InvalidPolicyException.at(
                    List.of(new PolicyProblem(line, "not valid YAML: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw InvalidPolicyException.at(
                    List.of(new PolicyProblem(1, "a policy is a YAML mapping with org, topics, roles, ...")));
        }
        var problems = new ArrayList<String>();
        root.fieldNames().forEachRemaining(section -> {
            if (!SECTIONS.contains(section)) {
                problems.add(section + ": unknown section (a policy file has " + String.join(", ", SECTIONS) + ")");
            }
        });
        PolicyDocument doc = new PolicyDocument(
                text(root, "org"),
                text(root, "name"),
                domains(root.path("domains"), problems),
                map(root.path("topics"), "topics", problems, PolicyFiles::topic),
                map(root.path("roles"), "roles", problems, PolicyFiles::role),
                map(root.path("members"), "members", problems, PolicyFiles::member),
                rules(root.path("rules"), problems),
                tests(root.path("tests"), problems),
                map(root.path("permissions"), "permissions", problems, PolicyFiles::permission),
                map(root.path("grants"), "grants", problems, PolicyFiles::grant),
                settings(root.path("settings"), problems),
                stringMap(root.path("context"), "context", problems));
        RuleTexts.Compilation compilation = RuleTexts.compile(doc, reading);
        doc = compilation.doc();
        problems.addAll(doc.problems(compilation::whyNot));
        YamlLines lines = YamlLines.of(yaml);
        var errors = new ArrayList<>(lines.duplicates());
        problems.forEach(p -> errors.add(new PolicyProblem(lines.lineOf(p), p)));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(PolicyProblem::line));
            throw InvalidPolicyException.at(errors);
        }
        return doc;
    }

    /** The sections of a policy file, in the order the export writes them. */
    static final List<String> SECTIONS = List.of(
            "org",
            "name",
            "domains",
            "context",
            "topics",
            "roles",
            "members",
            "rules",
            "tests",
            "permissions",
            "grants",
            "settings");

    private static final Set<String> TOPIC_FIELDS = Set.of("description", "examples", "playbook");
    private static final Set<String> ROLE_FIELDS = Set.of("auto", "approve", "deny", "auto_when");
    private static final Set<String> MEMBER_FIELDS = Set.of("role", "name", "subject");
    private static final Set<String> RULE_FIELDS =
            Set.of("id", "text", "scope", "subject", "enabled", "effect", "topics", "phrases", "compiled");
    private static final Set<String> INLINE_FIELDS = Set.of("effect", "topics", "phrases");
    private static final Set<String> COMPILED_FIELDS = Set.of("effect", "topics", "phrases", "entities");
    private static final Set<String> TEST_FIELDS = Set.of("text", "member", "role", "context", "expect");
    private static final Set<String> EXPECT_FIELDS = Set.of("outcome", "layer");
    private static final Set<String> SETTINGS_FIELDS =
            Set.of("minConfidence", "ambiguityMargin", "approvalTimeoutSeconds", "auditRetentionDays");

    private static List<String> domains(JsonNode n, List<String> problems) {
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.add("domains: must be a list of e-mail domains");
            return List.of();
        }
        return scalars(n, "domains", problems);
    }

    private static PolicyDocument.MemberSpec member(String email, JsonNode n, List<String> problems) {
        fields(n, "members." + email, MEMBER_FIELDS, problems);
        JsonNode role = n.path("role");
        if (role.isArray()) {
            return new PolicyDocument.MemberSpec(
                    role.size() == 1 ? role.get(0).asText() : "[" + role.size() + " roles]",
                    text(n, "name"),
                    text(n, "subject"));
        }
        return new PolicyDocument.MemberSpec(text(n, "role"), text(n, "name"), text(n, "subject"));
    }

    private static PolicyDocument.TopicSpec topic(String id, JsonNode n, List<String> problems) {
        fields(n, "topics." + id, TOPIC_FIELDS, problems);
        return new PolicyDocument.TopicSpec(
                text(n, "description"), strings(n.path("examples")), strings(n.path("playbook")));
    }

    private static PolicyDocument.RoleSpec role(String name, JsonNode n, List<String> problems) {
        fields(n, "roles." + name, ROLE_FIELDS, problems);
        return new PolicyDocument.RoleSpec(
                strings(n.path("auto")),
                strings(n.path("approve")),
                strings(n.path("deny")),
                stringMap(n.path("auto_when"), "roles." + name + ".auto_when", problems));
    }

    /** A mapping of names to scalars ({@code context}, {@code auto_when}), in file order. */
    private static Map<String, String> stringMap(JsonNode n, String at, List<String> problems) {
        var map = new LinkedHashMap<String, String>();
        if (!isGiven(n)) {
            return map;
        }
        if (!n.isObject()) {
            problems.add(at + ": must be a mapping");
            return map;
        }
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode() || e.getValue().isNull()) {
                problems.add(at + "." + e.getKey() + ": must be a single value");
            } else {
                map.put(e.getKey(), e.getValue().asText());
            }
        });
        return map;
    }

    private static String permission(String name, JsonNode n, List<String> problems) {
        if (n.isContainerNode()) {
            problems.add("permissions." + name + ": the value is the permission's description, a string");
            return null;
        }
        return n.isNull() ? null : n.asText();
    }

    private static List<String> grant(String role, JsonNode n, List<String> problems) {
        if (n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.add("grants." + role + ": must be a list of permissions");
            return List.of();
        }
        return scalars(n, "grants." + role, problems);
    }

    private static List<PolicyDocument.RuleSpec> rules(JsonNode n, List<String> problems) {
        var rules = new ArrayList<PolicyDocument.RuleSpec>();
        if (n.isMissingNode() || n.isNull()) {
            return rules;
        }
        if (!n.isArray()) {
            problems.add("rules: must be a list");
            return rules;
        }
        int i = 0;
        for (JsonNode r : n) {
            String id = text(r, "id");
            String at = id != null ? "rules." + id : "rules[" + i + "]";
            i++;
            fields(r, at, RULE_FIELDS, problems);
            rules.add(new PolicyDocument.RuleSpec(
                    id,
                    text(r, "text"),
                    r.has("scope") ? text(r, "scope") : "org",
                    text(r, "subject"),
                    bool(r, "enabled", at, problems),
                    compiled(r, at, problems),
                    isGiven(r.get("compiled")) ? PolicyDocument.RuleForm.COMPILED : PolicyDocument.RuleForm.INLINE));
        }
        return rules;
    }

    /** A rule's compiled form: under {@code compiled} when the rule has it, else beside the text. */
    private static PolicyDocument.CompiledSpec compiled(JsonNode rule, String at, List<String> problems) {
        JsonNode c = rule.get("compiled");
        if (!isGiven(c)) {
            return new PolicyDocument.CompiledSpec(
                    text(rule, "effect"), strings(rule.path("topics")), strings(rule.path("phrases")), List.of());
        }
        if (INLINE_FIELDS.stream().anyMatch(rule::has)) {
            problems.add(at + ": effect, topics and phrases go under compiled when it is given, not beside it");
        }
        if (!c.isObject()) {
            problems.add(at + ".compiled: must be a mapping {effect, topics, phrases, entities}");
        }
        fields(c, at + ".compiled", COMPILED_FIELDS, problems);
        return new PolicyDocument.CompiledSpec(
                text(c, "effect"), strings(c.path("topics")), strings(c.path("phrases")), strings(c.path("entities")));
    }

    private static List<PolicyDocument.TestSpec> tests(JsonNode n, List<String> problems) {
        var tests = new ArrayList<PolicyDocument.TestSpec>();
        if (!isGiven(n)) {
            return tests;
        }
        if (!n.isArray()) {
            problems.add("tests: must be a list of cases {text, member or role, context, expect: {outcome, layer}}");
            return tests;
        }
        int i = 0;
        for (JsonNode t : n) {
            String at = "tests[" + i++ + "]";
            if (!t.isObject()) {
                problems.add(at + ": a case is a mapping {text, member or role, context, expect: {outcome, layer}}");
            }
            fields(t, at, TEST_FIELDS, problems);
            JsonNode expect = t.path("expect");
            if (isGiven(expect) && !expect.isObject()) {
                problems.add(at + ".expect: must be a mapping {outcome, layer}");
            }
            fields(expect, at + ".expect", EXPECT_FIELDS, problems);
            String outcome = text(expect, "outcome");
            String layer = text(expect, "layer");
            String member = text(t, "member");
            tests.add(new PolicyDocument.TestSpec(
                    text(t, "text"),
                    member == null ? null : member.trim().toLowerCase(java.util.Locale.ROOT),
                    text(t, "role"),
                    values(t.path("context"), at + ".context", problems),
                    outcome == null ? null : Objects.requireNonNullElse(PolicyChecks.outcome(outcome), outcome),
                    layer == null ? null : Objects.requireNonNullElse(PolicyChecks.layer(layer), layer)));
        }
        return tests;
    }

    /** A case's meeting values as given ({@code {deal_size: 30000}}); their names and types are checked later. */
    private static Map<String, Object> values(JsonNode n, String at, List<String> problems) {
        var values = new LinkedHashMap<String, Object>();
        if (!isGiven(n)) {
            return values;
        }
        if (!n.isObject()) {
            problems.add(at + ": must be a mapping of the policy's context values, e.g. {deal_size: 30000}");
            return values;
        }
        n.fields().forEachRemaining(e -> values.put(e.getKey(), YAML.convertValue(e.getValue(), Object.class)));
        return values;
    }

    private static PolicyDocument.SettingsSpec settings(JsonNode n, List<String> problems) {
        if (!isGiven(n)) {
            return PolicyDocument.SettingsSpec.DEFAULTS;
        }
        fields(n, "settings", SETTINGS_FIELDS, problems);
        return new PolicyDocument.SettingsSpec(
                n.has("minConfidence") ? n.get("minConfidence").asDouble() : null,
                n.has("ambiguityMargin") ? n.get("ambiguityMargin").asDouble() : null,
                n.has("approvalTimeoutSeconds")
                        ? n.get("approvalTimeoutSeconds").asInt()
                        : null,
                wholeNumber(n, "auditRetentionDays", problems));
    }

    private static Integer wholeNumber(JsonNode settings, String field, List<String> problems) {
        JsonNode v = settings.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            problems.add("settings." + field + ": must be a whole number");
            return null;
        }
        return v.intValue();
    }

    private static Boolean bool(JsonNode n, String field, String at, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            problems.add(at + "." + field + ": must be true or false");
            return null;
        }
        return v.booleanValue();
    }

    private static boolean isGiven(JsonNode n) {
        return n != null && !n.isMissingNode() && !n.isNull();
    }

    /** Reports the fields of a mapping that its kind of entry does not have. */
    private static void fields(JsonNode n, String at, Set<String> known, List<String> problems) {
        if (!n.isObject()) {
            return;
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add(at + "." + f + ": unknown field ("
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private interface NodeReader<T> {
        T read(String key, JsonNode node, List<String> problems);
    }

    private static <T> Map<String, T> map(JsonNode n, String section, List<String> problems, NodeReader<T> reader) {
        var result = new LinkedHashMap<String, T>();
        if (!isGiven(n)) {
            return result;
        }
        if (!n.isObject()) {
            problems.add(section + ": must be a mapping");
            return result;
        }
        n.fields().forEachRemaining(e -> result.put(e.getKey(), reader.read(e.getKey(), e.getValue(), problems)));
        return result;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        var list = new ArrayList<String>();
        if (n.isArray()) {
            n.forEach(v -> list.add(v.asText()));
        } else if (n.isTextual()) {
            list.add(n.asText());
        }
        return list;
    }

    /** The items of a list, each of which must be a single value. */
    private static List<String> scalars(JsonNode n, String at, List<String> problems) {
        var list = new ArrayList<String>();
        n.forEach(v -> {
            if (v.isContainerNode() || v.isNull()) {
                problems.add(at + ": an item is a single value, not " + (v.isNull() ? "empty" : v.toString()));
            } else {
                list.add(v.asText());
            }
        });
        return list;
    }
}
