package app.proxyme.engine.policy.file;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.policy.Rule;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An organisation's whole policy as one document (the {@code policies/*.yaml} files): topics, roles with their
 * AUTO / APPROVE / DENY topics, members, natural-language rules in structured form, settings.
 *
 * @param org organisation id
 * @param name display name
 * @param topics topics by id, in file order
 * @param roles roles by name, in file order
 * @param members members by email, in file order
 * @param rules rules, in file order
 * @param settings settings
 */
public record PolicyDocument(String org, String name, Map<String, TopicSpec> topics, Map<String, RoleSpec> roles,
        Map<String, MemberSpec> members, List<RuleSpec> rules, SettingsSpec settings) {

    /** A topic: what it covers, examples for the classifier, approved answers for the playbook generator. */
    public record TopicSpec(String description, List<String> examples, List<String> playbook) {}

    /** A role's topic matrix. Topics in none of the three lists are DENY. */
    public record RoleSpec(List<String> auto, List<String> approve, List<String> deny) {
        public Effect effectOf(String topic) {
            if (auto.contains(topic)) {
                return Effect.AUTO;
            }
            return approve.contains(topic) ? Effect.APPROVE : Effect.DENY;
        }
    }

    /** A member: the one role they hold, and a display name. */
    public record MemberSpec(String role, String name) {}

    /** A natural-language rule and its structured form. */
    public record RuleSpec(String id, String text, String scope, String subject, String effect, List<String> topics,
            List<String> phrases) {}

    /**
     * Tunables; {@code null} fields take the runtime's defaults. {@code auditRetentionDays}: how long audit events
     * are kept ({@code null}: for ever).
     */
    public record SettingsSpec(Double minConfidence, Double ambiguityMargin, Integer approvalTimeoutSeconds,
            Integer auditRetentionDays) {
        public static final SettingsSpec DEFAULTS = new SettingsSpec(null, null, null, null);

        public SettingsSpec(Double minConfidence, Double ambiguityMargin, Integer approvalTimeoutSeconds) {
            this(minConfidence, ambiguityMargin, approvalTimeoutSeconds, null);
        }
    }

    /** The policy the decision reads, with {@code defaults} filling what the document leaves out. */
    public OrgPolicy toOrgPolicy(PolicySettings defaults, long version) {
        var catalog = new TopicCatalog(org, topics.entrySet().stream()
                .map(e -> new Topic(e.getKey(), e.getValue().description(), e.getValue().examples(),
                        e.getValue().playbook()))
                .toList(), version);
        return new OrgPolicy(org, catalog, rules.stream().map(PolicyDocument::toRule).toList(), settings(defaults));
    }

    public PolicySettings settings(PolicySettings defaults) {
        return new PolicySettings(
                settings.minConfidence() != null ? settings.minConfidence() : defaults.minConfidence(),
                settings.ambiguityMargin() != null ? settings.ambiguityMargin() : defaults.ambiguityMargin(),
                settings.approvalTimeoutSeconds() != null
                        ? Duration.ofSeconds(settings.approvalTimeoutSeconds())
                        : defaults.approvalTimeout());
    }

    public List<Member> memberList() {
        return members.entrySet().stream()
                .map(e -> new Member(e.getKey(), org, e.getValue().role(), e.getValue().name()))
                .toList();
    }

    static Rule toRule(RuleSpec r) {
        return new Rule(r.id(), r.text(), RuleScope.valueOf(r.scope().toUpperCase(Locale.ROOT)), r.subject(),
                Effect.valueOf(r.effect().toUpperCase(Locale.ROOT)), Set.copyOf(r.topics()),
                Rule.phrases(r.phrases().toArray(String[]::new)));
    }

    /**
     * Every problem of this document, empty when it is valid: unknown topics or roles, a topic in two lists of a
     * role, bad rule scopes or effects, regular expressions that do not compile, out-of-range settings.
     */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        try {
            app.proxyme.domain.policy.OrgId.require(org);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (topics.isEmpty()) {
            problems.add("topics: at least one topic is needed");
        }
        topics.keySet().forEach(id -> {
            if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
                problems.add("topics." + id + ": a topic id is lower case letters, digits and underscores");
            }
        });
        roles.forEach((role, spec) -> {
            var seen = new LinkedHashMap<String, String>();
            for (var list : Map.of("auto", spec.auto(), "approve", spec.approve(), "deny", spec.deny()).entrySet()) {
                for (String topic : list.getValue()) {
                    if (!topics.containsKey(topic)) {
                        problems.add("roles." + role + "." + list.getKey() + ": unknown topic '" + topic + "'");
                    }
                    String before = seen.put(topic, list.getKey());
                    if (before != null) {
                        problems.add("roles." + role + ": topic '" + topic + "' is in both " + before + " and "
                                + list.getKey());
                    }
                }
            }
        });
        members.forEach((email, m) -> {
            if (m.role() != null && m.role().endsWith(" roles]")) {
                problems.add("members." + email + ".role: a member holds one role, not " + m.role()
                        .substring(1, m.role().length() - 1));
            } else if (m.role() == null || !roles.containsKey(m.role())) {
                problems.add("members." + email + ": unknown role '" + m.role() + "'");
            }
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add("members." + email + ": not an email address");
            }
        });
        var ruleIds = new java.util.HashSet<String>();
        for (RuleSpec r : rules) {
            String at = "rules." + r.id();
            if (r.id() == null || !ruleIds.add(r.id())) {
                problems.add(at + ": a rule needs a unique id");
            }
            ruleProblems(r, at, problems);
        }
        settingsProblems(problems);
        return problems;
    }

    private void ruleProblems(RuleSpec r, String at, List<String> problems) {
        if (r.text() == null || r.text().isBlank()) {
            problems.add(at + ": text is required");
        }
        try {
            RuleScope scope = RuleScope.valueOf(String.valueOf(r.scope()).toUpperCase(Locale.ROOT));
            if (scope == RuleScope.ROLE && !roles.containsKey(r.subject())) {
                problems.add(at + ": unknown role '" + r.subject() + "'");
            }
            if (scope == RuleScope.USER && !members.containsKey(String.valueOf(r.subject()))) {
                problems.add(at + ": unknown member '" + r.subject() + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add(at + ": scope must be org, role or user");
        }
        try {
            Effect.valueOf(String.valueOf(r.effect()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at + ": effect must be DENY, APPROVE or AUTO");
        }
        r.topics().stream().filter(t -> !topics.containsKey(t))
                .forEach(t -> problems.add(at + ": unknown topic '" + t + "'"));
        if (r.topics().isEmpty() && r.phrases().isEmpty()) {
            problems.add(at + ": a rule names topics, phrases or both");
        }
        for (String p : r.phrases()) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                problems.add(at + ": phrase '" + p + "' is not a regular expression: " + e.getDescription());
            }
        }
    }

    private void settingsProblems(List<String> problems) {
        if (settings.minConfidence() != null && (settings.minConfidence() < 0 || settings.minConfidence() > 1)) {
            problems.add("settings.minConfidence: must be between 0 and 1");
        }
        if (settings.ambiguityMargin() != null && (settings.ambiguityMargin() < 0 || settings.ambiguityMargin() > 1)) {
            problems.add("settings.ambiguityMargin: must be between 0 and 1");
        }
        if (settings.approvalTimeoutSeconds() != null && settings.approvalTimeoutSeconds() < 1) {
            problems.add("settings.approvalTimeoutSeconds: must be at least 1");
        }
        if (settings.auditRetentionDays() != null && settings.auditRetentionDays() < 1) {
            problems.add("settings.auditRetentionDays: must be at least 1 (leave it out to keep events for ever)");
        }
    }
}
