package app.proxyme.engine.policy.file;

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

/** Reads policy documents from YAML, reporting every problem instead of the first. */
public final class PolicyFiles {
    /** The demo organisations shipped with Proxy Me, seeded on first start. */
    public static final List<String> DEMO_ORGS = List.of("acme", "globex");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PolicyFiles() {}

    /** A policy file that does not parse or validate; {@link #errors()} lists all that is wrong, with lines. */
    public static final class InvalidPolicyException extends RuntimeException {
        private final List<PolicyProblem> errors;

        public InvalidPolicyException(List<String> problems) {
            this(problems.stream().map(p -> new PolicyProblem(1, p)).toList(), true);
        }

        private InvalidPolicyException(List<PolicyProblem> errors, boolean withLines) {
            super(String.join("; ", errors.stream().map(PolicyProblem::message).toList()));
            this.errors = List.copyOf(errors);
        }

        /** The problems, each with the line it was found on. */
        public static InvalidPolicyException at(List<PolicyProblem> errors) {
            return new InvalidPolicyException(errors, true);
        }

        public List<String> problems() {
            return errors.stream().map(PolicyProblem::message).toList();
        }

        public List<PolicyProblem> errors() {
            return errors;
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
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw InvalidPolicyException.at(List.of(new PolicyProblem(line, "not valid YAML: "
                    + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw InvalidPolicyException.at(List.of(new PolicyProblem(1,
                    "a policy is a YAML mapping with org, topics, roles, ...")));
        }
        var problems = new ArrayList<String>();
        var doc = new PolicyDocument(
                text(root, "org"),
                text(root, "name"),
                map(root.path("topics"), "topics", problems, PolicyFiles::topic),
                map(root.path("roles"), "roles", problems, PolicyFiles::role),
                map(root.path("members"), "members", problems, PolicyFiles::member),
                rules(root.path("rules"), problems),
                settings(root.path("settings"), problems));
        problems.addAll(doc.problems());
        YamlLines lines = YamlLines.of(yaml);
        var errors = new ArrayList<>(lines.duplicates());
        problems.forEach(p -> errors.add(new PolicyProblem(lines.lineOf(p), p)));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(PolicyProblem::line));
            throw InvalidPolicyException.at(errors);
        }
        return doc;
    }

    private static PolicyDocument.MemberSpec member(JsonNode n, List<String> problems) {
        JsonNode role = n.path("role");
        if (role.isArray()) {
            return new PolicyDocument.MemberSpec(role.size() == 1 ? role.get(0).asText() : "[" + role.size()
                    + " roles]", text(n, "name"));
        }
        return new PolicyDocument.MemberSpec(text(n, "role"), text(n, "name"));
    }

    private static PolicyDocument.TopicSpec topic(JsonNode n, List<String> problems) {
        return new PolicyDocument.TopicSpec(text(n, "description"), strings(n.path("examples")),
                strings(n.path("playbook")));
    }

    private static PolicyDocument.RoleSpec role(JsonNode n, List<String> problems) {
        return new PolicyDocument.RoleSpec(strings(n.path("auto")), strings(n.path("approve")),
                strings(n.path("deny")));
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
        for (JsonNode r : n) {
            rules.add(new PolicyDocument.RuleSpec(text(r, "id"), text(r, "text"),
                    r.has("scope") ? text(r, "scope") : "org", text(r, "subject"), text(r, "effect"),
                    strings(r.path("topics")), strings(r.path("phrases"))));
        }
        return rules;
    }

    private static PolicyDocument.SettingsSpec settings(JsonNode n, List<String> problems) {
        if (n.isMissingNode() || n.isNull()) {
            return PolicyDocument.SettingsSpec.DEFAULTS;
        }
        return new PolicyDocument.SettingsSpec(
                n.has("minConfidence") ? n.get("minConfidence").asDouble() : null,
                n.has("ambiguityMargin") ? n.get("ambiguityMargin").asDouble() : null,
                n.has("approvalTimeoutSeconds") ? n.get("approvalTimeoutSeconds").asInt() : null,
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

    private interface NodeReader<T> {
        T read(JsonNode node, List<String> problems);
    }

    private static <T> Map<String, T> map(JsonNode n, String section, List<String> problems, NodeReader<T> reader) {
        var result = new LinkedHashMap<String, T>();
        if (n.isMissingNode() || n.isNull()) {
            return result;
        }
        if (!n.isObject()) {
            problems.add(section + ": must be a mapping");
            return result;
        }
        n.fields().forEachRemaining(e -> result.put(e.getKey(), reader.read(e.getValue(), problems)));
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
}
