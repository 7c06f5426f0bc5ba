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
import java.util.Objects;
import java.util.Set;

/**
 * An organisation's whole policy as one document (the {@code policies/*.yaml} files, PROTOCOL.md "Policy file"):
 * e-mail domains, topics, roles with their AUTO / APPROVE / DENY topics, members, natural-language rules with their
 * compiled form, playground cases, agent permissions and the grants that come with roles, settings.
 *
 * @param org organisation id
 * @param name display name
 * @param domains the e-mail domains members may come from, in file order; empty: any
 * @param topics topics by id, in file order
 * @param roles roles by name, in file order
 * @param members members by email, in file order
 * @param rules rules, in file order
 * @param tests playground cases, in file order
 * @param permissions agent permissions (ACI.md) by name, with their human description, in file order
 * @param grants the permissions each role's members grant by default (ACI.md), by role, in file order
 * @param settings settings
 * @param context the meeting values a user may set ({@code deal_size: int}), by name, in file order; the types are
 *     those of {@link PolicyConditions#TYPES}
 */
public record PolicyDocument(
        String org,
        String name,
        List<String> domains,
        Map<String, TopicSpec> topics,
        Map<String, RoleSpec> roles,
        Map<String, MemberSpec> members,
        List<RuleSpec> rules,
        List<TestSpec> tests,
        Map<String, String> permissions,
        Map<String, List<String>> grants,
        SettingsSpec settings,
        Map<String, String> context) {

    public PolicyDocument {
        context = Objects.requireNonNullElse(context, Map.of());
        domains = List.copyOf(Objects.requireNonNullElse(domains, List.of()));
        tests = List.copyOf(Objects.requireNonNullElse(tests, List.of()));
        permissions = Objects.requireNonNullElse(permissions, Map.of());
        grants = Objects.requireNonNullElse(grants, Map.of());
        settings = Objects.requireNonNullElse(settings, SettingsSpec.DEFAULTS);
    }

    /** A document of the sections every policy has had, without domains, tests, permissions and grants. */
    public PolicyDocument(
            String org,
            String name,
            Map<String, TopicSpec> topics,
            Map<String, RoleSpec> roles,
            Map<String, MemberSpec> members,
            List<RuleSpec> rules,
            SettingsSpec settings) {
        this(org, name, List.of(), topics, roles, members, rules, List.of(), Map.of(), Map.of(), settings, Map.of());
    }

    /** A topic: what it covers, examples for the classifier, approved answers for the playbook generator. */
    public record TopicSpec(String description, List<String> examples, List<String> playbook) {}

    /**
     * A role's topic matrix. Topics in none of the three lists are DENY. {@code autoWhen}: topics whose effect is
     * {@code AUTO} while a CEL expression over the meeting context holds ({@code pricing: "deal_size < 50000"}), the
     * listed effect otherwise; in file order.
     */
    public record RoleSpec(List<String> auto, List<String> approve, List<String> deny, Map<String, String> autoWhen) {
        public RoleSpec {
            autoWhen = Objects.requireNonNullElse(autoWhen, Map.of());
        }

        /** A role without conditional topics. */
        public RoleSpec(List<String> auto, List<String> approve, List<String> deny) {
            this(auto, approve, deny, Map.of());
        }

        public Effect effectOf(String topic) {
            if (auto.contains(topic)) {
                return Effect.AUTO;
            }
            return approve.contains(topic) ? Effect.APPROVE : Effect.DENY;
        }

        /** Whether any of the three lists names the topic. */
        public boolean names(String topic) {
            return auto.contains(topic) || approve.contains(topic) || deny.contains(topic);
        }
    }

    /**
     * A member: the one role they hold, a display name, and their identity provider's subject ({@code null}: the
     * file gave none, which means {@link #defaultSubject}; the export then writes none either).
     */
    public record MemberSpec(String role, String name, String subject) {
        public MemberSpec(String role, String name) {
            this(role, name, null);
        }

        /** The subject the identity provider knows the member by. */
        public String subjectOf(String email) {
            return subject != null ? subject : defaultSubject(email);
        }

        /** {@code auth0|<email>}. */
        public static String defaultSubject(String email) {
            return app.proxyme.domain.port.out.PolicyStore.defaultSubject(email);
        }
    }

    /** How a rule's file entry gives its compiled form, so that the export writes it the same way. */
    public enum RuleForm {
        /** {@code effect}, {@code topics} and {@code phrases} beside the text, as the shipped files do. */
        INLINE,
        /** Under {@code compiled: {effect, topics, phrases, entities}}. */
        COMPILED
    }

    /**
     * A rule's compiled, structured form: what the decision's rules layer evaluates.
     *
     * @param effect {@code DENY}, {@code APPROVE} or {@code AUTO}: the most the outcome may be when it matches
     * @param topics the topics it is about
     * @param phrases regular expressions over the text
     * @param entities names the rule is about (kept; not evaluated yet)
     */
    public record CompiledSpec(String effect, List<String> topics, List<String> phrases, List<String> entities) {
        public CompiledSpec {
            topics = List.copyOf(Objects.requireNonNullElse(topics, List.of()));
            phrases = List.copyOf(Objects.requireNonNullElse(phrases, List.of()));
            entities = List.copyOf(Objects.requireNonNullElse(entities, List.of()));
        }
    }

    /**
     * A natural-language rule and its compiled form.
     *
     * @param enabled {@code false}: kept but not in force; {@code null}: the file says nothing, so in force
     * @param form how the file gives {@code compiled}
     */
    public record RuleSpec(
            String id,
            String text,
            String scope,
            String subject,
            Boolean enabled,
            CompiledSpec compiled,
            RuleForm form) {
        public RuleSpec {
            Objects.requireNonNull(compiled, "compiled");
            form = compiled.entities().isEmpty()
                    ? Objects.requireNonNullElse(form, RuleForm.INLINE)
                    : RuleForm.COMPILED;
        }

        /** An enabled rule written inline, as the shipped files write them. */
        public RuleSpec(
                String id,
                String text,
                String scope,
                String subject,
                String effect,
                List<String> topics,
                List<String> phrases) {
            this(id, text, scope, subject, null, new CompiledSpec(effect, topics, phrases, List.of()), RuleForm.INLINE);
        }

        public String effect() {
            return compiled.effect();
        }

        /** Whether the file gives only the rule's text: its compiled form is still to be made. */
        public boolean textOnly() {
            return form == RuleForm.INLINE
                    && compiled.effect() == null
                    && compiled.topics().isEmpty()
                    && compiled.phrases().isEmpty();
        }

        public List<String> topics() {
            return compiled.topics();
        }

        public List<String> phrases() {
            return compiled.phrases();
        }

        /** Whether the rule is in force. */
        public boolean inForce() {
            return enabled == null || enabled;
        }
    }

    /**
     * A playground case: what the decision should be when a customer says {@code text} to a member (or to any
     * member of a role).
     *
     * @param member the member it is for, or {@code null}
     * @param role the role it is for, or {@code null}
     * @param context the meeting values the case is decided with ({@code deal_size: 30000}), by name, in file order;
     *     whole numbers as {@code Long}, other numbers as {@code Double}, checked against the document's
     *     {@code context} declarations as a user's values are
     * @param outcome the expected outcome ({@code NONE}, {@code AUTO}, {@code APPROVE}, {@code DENY})
     * @param layer the expected deciding layer ({@code rules}, {@code fga}, ...), or {@code null} for any
     */
    public record TestSpec(
            String text, String member, String role, Map<String, Object> context, String outcome, String layer) {
        public TestSpec {
            var values = new LinkedHashMap<String, Object>();
            Objects.requireNonNullElse(context, Map.<String, Object>of())
                    .forEach((name, value) -> values.put(name, normalized(value)));
            context = java.util.Collections.unmodifiableMap(values);
        }

        /** The same case for {@code role}. */
        public TestSpec withRole(String role) {
            return new TestSpec(text, member, role, context, outcome, layer);
        }

        /** Whole numbers as {@code Long} (when they fit), other numbers as {@code Double}: one value, one form. */
        private static Object normalized(Object value) {
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof java.math.BigInteger b && b.bitLength() <= 63) {
                return b.longValue();
            }
            if (value instanceof Float || value instanceof java.math.BigDecimal) {
                return ((Number) value).doubleValue();
            }
            return value;
        }
    }

    /**
     * Tunables; {@code null} fields take the runtime's defaults. {@code auditRetentionDays}: how long audit events
     * are kept ({@code null}: for ever).
     */
    public record SettingsSpec(
            Double minConfidence, Double ambiguityMargin, Integer approvalTimeoutSeconds, Integer auditRetentionDays) {
        public static final SettingsSpec DEFAULTS = new SettingsSpec(null, null, null, null);

        public SettingsSpec(Double minConfidence, Double ambiguityMargin, Integer approvalTimeoutSeconds) {
            this(minConfidence, ambiguityMargin, approvalTimeoutSeconds, null);
        }
    }

    public PolicyDocument withTopics(Map<String, TopicSpec> topics) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    public PolicyDocument withRoles(Map<String, RoleSpec> roles) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    public PolicyDocument withMembers(Map<String, MemberSpec> members) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    public PolicyDocument withRules(List<RuleSpec> rules) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    public PolicyDocument withTests(List<TestSpec> tests) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    public PolicyDocument withGrants(Map<String, List<String>> grants) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    public PolicyDocument withSettings(SettingsSpec settings) {
        return new PolicyDocument(
                org, name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context);
    }

    /** The policy the decision reads, with {@code defaults} filling what the document leaves out. */
    public OrgPolicy toOrgPolicy(PolicySettings defaults, long version) {
        var catalog = new TopicCatalog(
                org,
                topics.entrySet().stream()
                        .map(e -> new Topic(
                                e.getKey(),
                                e.getValue().description(),
                                e.getValue().examples(),
                                e.getValue().playbook()))
                        .toList(),
                version);
        return new OrgPolicy(
                org,
                catalog,
                rules.stream()
                        .filter(RuleSpec::inForce)
                        .map(PolicyDocument::toRule)
                        .toList(),
                settings(defaults),
                contextPolicy());
    }

    /** The meeting context and the roles' conditional topics, as the decision shows them. */
    public app.proxyme.domain.policy.ContextPolicy contextPolicy() {
        var autoWhen = new LinkedHashMap<String, Map<String, String>>();
        roles.forEach((role, spec) -> autoWhen.put(role, spec.autoWhen()));
        return new app.proxyme.domain.policy.ContextPolicy(context, autoWhen);
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
                .map(e -> new Member(
                        e.getKey(), org, e.getValue().role(), e.getValue().name()))
                .toList();
    }

    static Rule toRule(RuleSpec r) {
        return new Rule(
                r.id(),
                r.text(),
                RuleScope.valueOf(r.scope().toUpperCase(Locale.ROOT)),
                r.subject(),
                Effect.valueOf(r.effect().toUpperCase(Locale.ROOT)),
                Set.copyOf(r.topics()),
                RulePhrases.compile(r.phrases()));
    }

    /**
     * Every problem of this document, empty when it is valid: unknown topics, roles, members or permissions, a topic
     * in two lists of a role, bad rule scopes or effects, regular expressions that do not compile, malformed
     * domains, subjects, playground cases and permissions, out-of-range settings. Each message starts with the path
     * of the entry it is about.
     */
    public List<String> problems() {
        return problems(r -> RuleTexts.whyNot(this, r));
    }

    /** {@link #problems()}, a text-only rule refused with the reason {@code whyNotCompiled} gives. */
    List<String> problems(java.util.function.Function<RuleSpec, String> whyNotCompiled) {
        var problems = new ArrayList<String>();
        try {
            app.proxyme.domain.policy.OrgId.require(org);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        problems.addAll(PolicyChecks.domains(this));
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
            for (var list : List.of(
                    Map.entry("auto", spec.auto()),
                    Map.entry("approve", spec.approve()),
                    Map.entry("deny", spec.deny()))) {
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
                problems.add("members." + email + ".role: a member holds one role, not "
                        + m.role().substring(1, m.role().length() - 1));
            } else if (m.role() == null || !roles.containsKey(m.role())) {
                problems.add("members." + email + ": unknown role '" + m.role() + "'");
            }
            if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add("members." + email + ": not an email address");
            }
        });
        problems.addAll(PolicyChecks.subjects(this));
        var ruleIds = new java.util.HashSet<String>();
        for (RuleSpec r : rules) {
            String at = "rules." + r.id();
            if (r.id() == null || !ruleIds.add(r.id())) {
                problems.add(at + ": a rule needs a unique id");
            }
            PolicyChecks.rule(this, r, at, problems, whyNotCompiled);
        }
        problems.addAll(PolicyChecks.tests(this));
        problems.addAll(PolicyChecks.permissions(this));
        problems.addAll(PolicyConditions.problems(this));
        settingsProblems(problems);
        return problems;
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
        if (settings.auditRetentionDays() != null
                && settings.auditRetentionDays() < app.proxyme.domain.policy.PolicySettings.MIN_AUDIT_RETENTION_DAYS) {
            problems.add("settings.auditRetentionDays: must be at least "
                    + app.proxyme.domain.policy.PolicySettings.MIN_AUDIT_RETENTION_DAYS
                    + " days (leave it out to keep events for ever)");
        }
    }
}
