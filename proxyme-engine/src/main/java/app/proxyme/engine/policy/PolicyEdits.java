package app.proxyme.engine.policy;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import app.proxyme.domain.port.in.ManagePolicy.SettingsUpdate;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyDocument.CompiledSpec;
import app.proxyme.engine.policy.file.PolicyDocument.RuleForm;
import app.proxyme.engine.policy.file.PolicyDocument.RuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * One granular change applied to a policy document, giving the document it would become (validated afterwards as a
 * whole, like an imported file). Entries that do not exist are {@code NOT_FOUND}; removing an entry that others
 * still use is a {@code CONFLICT} that names them.
 */
final class PolicyEdits {
    private PolicyEdits() {}

    static PolicyDocument putRole(PolicyDocument doc, RoleEntry role) {
        var roles = new LinkedHashMap<>(doc.roles());
        var before = doc.roles().get(role.name());
        var autoWhen = new LinkedHashMap<String, String>(before == null ? Map.of() : before.autoWhen());
        // a condition lifts a listed APPROVE or an unlisted topic; one the edit makes AUTO or DENY has no more use
        autoWhen.keySet().removeIf(t -> role.auto().contains(t) || role.deny().contains(t));
        roles.put(role.name(), new PolicyDocument.RoleSpec(role.auto(), role.approve(), role.deny(), autoWhen));
        return doc.withRoles(roles);
    }

    /** Removes the role and the default grants that come with it. */
    static PolicyDocument removeRole(PolicyDocument doc, String role) {
        if (!doc.roles().containsKey(role)) {
            throw DomainException.notFound("no role " + role);
        }
        var users = new ArrayList<String>();
        users.addAll(named(
                "members",
                doc.members().entrySet().stream()
                        .filter(m -> role.equals(m.getValue().role()))
                        .map(m -> m.getKey())
                        .toList()));
        users.addAll(named("rules", rules(doc, r -> "role".equalsIgnoreCase(r.scope()) && role.equals(r.subject()))));
        users.addAll(tests(doc, t -> role.equals(t.role())));
        requireUnused("role " + role, users);
        var roles = new LinkedHashMap<>(doc.roles());
        roles.remove(role);
        var grants = new LinkedHashMap<>(doc.grants());
        grants.remove(role);
        return doc.withRoles(roles).withGrants(grants);
    }

    static PolicyDocument putMember(PolicyDocument doc, MemberEntry member) {
        var members = new LinkedHashMap<>(doc.members());
        members.put(member.email(), new PolicyDocument.MemberSpec(member.role(), member.name(), member.subject()));
        return doc.withMembers(members);
    }

    static PolicyDocument removeMember(PolicyDocument doc, String email) {
        String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!doc.members().containsKey(key)) {
            throw DomainException.notFound("no member " + email);
        }
        var users = new ArrayList<String>();
        users.addAll(named(
                "rules",
                rules(
                        doc,
                        r -> "user".equalsIgnoreCase(r.scope()) && key.equalsIgnoreCase(String.valueOf(r.subject())))));
        users.addAll(tests(doc, t -> key.equals(t.member())));
        requireUnused("member " + key, users);
        var members = new LinkedHashMap<>(doc.members());
        members.remove(key);
        return doc.withMembers(members);
    }

    static PolicyDocument putTopic(PolicyDocument doc, Topic topic) {
        var topics = new LinkedHashMap<>(doc.topics());
        topics.put(topic.id(), new PolicyDocument.TopicSpec(topic.description(), topic.examples(), topic.playbook()));
        return doc.withTopics(topics);
    }

    static PolicyDocument removeTopic(PolicyDocument doc, String topic) {
        if (!doc.topics().containsKey(topic)) {
            throw DomainException.notFound("no topic " + topic);
        }
        var users = new ArrayList<String>();
        users.addAll(named(
                "roles",
                doc.roles().entrySet().stream()
                        .filter(r -> r.getValue().names(topic))
                        .map(r -> r.getKey())
                        .toList()));
        users.addAll(named("rules", rules(doc, r -> r.topics().contains(topic))));
        requireUnused("topic " + topic, users);
        var topics = new LinkedHashMap<>(doc.topics());
        topics.remove(topic);
        return doc.withTopics(topics);
    }

    /**
     * Replaces the rule with the entry's id where it is, keeping how the file writes it, or adds it at the end with
     * its compiled form under {@code compiled:}.
     */
    static PolicyDocument putRule(PolicyDocument doc, RuleEntry rule) {
        var rules = new ArrayList<>(doc.rules());
        int at = indexOf(doc, rule.id());
        RuleSpec before = at < 0 ? null : rules.get(at);
        var spec = new RuleSpec(
                rule.id(),
                rule.text(),
                rule.scope().name().toLowerCase(Locale.ROOT),
                rule.subject(),
                enabled(before, rule.enabled()),
                new CompiledSpec(rule.effect().name(), rule.topics(), rule.phrases(), rule.entities()),
                before == null ? RuleForm.COMPILED : before.form());
        if (at < 0) {
            rules.add(spec);
        } else {
            rules.set(at, spec);
        }
        return doc.withRules(rules);
    }

    static PolicyDocument removeRule(PolicyDocument doc, String ruleId) {
        int at = requireRule(doc, ruleId);
        var rules = new ArrayList<>(doc.rules());
        rules.remove(at);
        return doc.withRules(rules);
    }

    static PolicyDocument enableRule(PolicyDocument doc, String ruleId, boolean enabled) {
        int at = requireRule(doc, ruleId);
        var rules = new ArrayList<>(doc.rules());
        RuleSpec r = rules.get(at);
        rules.set(
                at,
                new RuleSpec(r.id(), r.text(), r.scope(), r.subject(), enabled(r, enabled), r.compiled(), r.form()));
        return doc.withRules(rules);
    }

    static PolicyDocument updateSettings(PolicyDocument doc, SettingsUpdate update) {
        var s = doc.settings();
        return doc.withSettings(new PolicyDocument.SettingsSpec(
                update.minConfidence() != null ? update.minConfidence() : s.minConfidence(),
                update.ambiguityMargin() != null ? update.ambiguityMargin() : s.ambiguityMargin(),
                update.approvalTimeout() != null
                        ? Integer.valueOf((int) update.approvalTimeout().toSeconds())
                        : s.approvalTimeoutSeconds(),
                s.auditRetentionDays()));
    }

    /**
     * After a granular change some member must still be able to administer the policy, or nobody could undo it.
     *
     * @throws DomainException {@code CONFLICT} when no member would hold {@code org_admin}
     */
    static void requireAnAdmin(PolicyDocument doc) {
        if (doc.members().values().stream().noneMatch(m -> Member.ORG_ADMIN.equals(m.role()))) {
            throw DomainException.conflict("refused: no member would be left with role " + Member.ORG_ADMIN);
        }
    }

    /**
     * A rule's {@code enabled} as the file writes it: {@code false} when disabled; when enabled, {@code true} only if
     * the file already said so, else nothing (in force by default).
     */
    private static Boolean enabled(RuleSpec before, boolean enabled) {
        if (!enabled) {
            return Boolean.FALSE;
        }
        return before != null && Boolean.TRUE.equals(before.enabled()) ? Boolean.TRUE : null;
    }

    private static int requireRule(PolicyDocument doc, String ruleId) {
        int at = indexOf(doc, ruleId);
        if (at < 0) {
            throw DomainException.notFound("no rule " + ruleId);
        }
        return at;
    }

    private static int indexOf(PolicyDocument doc, String ruleId) {
        return IntStream.range(0, doc.rules().size())
                .filter(i -> Objects.equals(doc.rules().get(i).id(), ruleId))
                .findFirst()
                .orElse(-1);
    }

    private static List<String> rules(PolicyDocument doc, Predicate<RuleSpec> uses) {
        return doc.rules().stream().filter(uses).map(RuleSpec::id).toList();
    }

    /** The playground cases that match, by their place ({@code tests[0], tests[2]}), or none. */
    private static List<String> tests(PolicyDocument doc, Predicate<PolicyDocument.TestSpec> uses) {
        var places = IntStream.range(0, doc.tests().size())
                .filter(i -> uses.test(doc.tests().get(i)))
                .mapToObj(i -> "tests[" + i + "]")
                .toList();
        return places.isEmpty() ? List.of() : List.of(String.join(", ", places));
    }

    private static List<String> named(String kind, List<String> names) {
        return names.isEmpty() ? List.of() : List.of(kind + " " + String.join(", ", names));
    }

    private static void requireUnused(String what, List<String> users) {
        if (!users.isEmpty()) {
            throw DomainException.conflict(what + " is still used by " + String.join("; ", users));
        }
    }
}
