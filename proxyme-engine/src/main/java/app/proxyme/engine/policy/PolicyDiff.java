package app.proxyme.engine.policy;

import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What differs between two versions of a policy: the entries whose value changed, added or removed
 * ({@code roles.junior_ae}, {@code rules.no-pricing}, {@code settings.minConfidence}, ...), each changed
 * setting with its old and new value (PROTOCOL.md: {@code policy_changed} records them), and each changed topic,
 * role, member, rule, permission and grant with its old and new value ({@code null}: absent before or after).
 */
record PolicyDiff(
        List<String> changed, Map<String, Map<String, Object>> settings, Map<String, Map<String, Object>> values) {
    PolicyDiff {
        changed = List.copyOf(changed);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static PolicyDiff between(PolicyDocument before, PolicyDocument after) {
        var changed = new ArrayList<String>();
        var values = new LinkedHashMap<String, Map<String, Object>>();
        if (!Objects.equals(before.name(), after.name())) {
            changed.add("name");
        }
        if (!before.domains().equals(after.domains())) {
            changed.add("domains");
        }
        entries("context", before.context(), after.context(), v -> v, v -> v, changed, values);
        entries("topics", before.topics(), after.topics(), v -> v, EntryValues::topic, changed, values);
        entries("roles", before.roles(), after.roles(), PolicyDiff::topicSets, EntryValues::role, changed, values);
        entries("members", before.members(), after.members(), v -> v, EntryValues::member, changed, values);
        entries("rules", byId(before.rules()), byId(after.rules()), v -> v, EntryValues::rule, changed, values);
        if (!before.tests().equals(after.tests())) {
            changed.add("tests");
        }
        entries("permissions", before.permissions(), after.permissions(), v -> v, v -> v, changed, values);
        entries("grants", before.grants(), after.grants(), v -> v, v -> v, changed, values);
        var settings = settings(before.settings(), after.settings());
        settings.keySet().forEach(name -> changed.add("settings." + name));
        return new PolicyDiff(changed, settings, values);
    }

    /** Each changed setting: {@code {"old": ..., "new": ...}}, {@code null} standing for the runtime's default. */
    private static Map<String, Map<String, Object>> settings(
            PolicyDocument.SettingsSpec before, PolicyDocument.SettingsSpec after) {
        var values = new LinkedHashMap<String, Object[]>();
        values.put("minConfidence", new Object[] {before.minConfidence(), after.minConfidence()});
        values.put("ambiguityMargin", new Object[] {before.ambiguityMargin(), after.ambiguityMargin()});
        values.put(
                "approvalTimeoutSeconds",
                new Object[] {before.approvalTimeoutSeconds(), after.approvalTimeoutSeconds()});
        values.put("auditRetentionDays", new Object[] {before.auditRetentionDays(), after.auditRetentionDays()});
        var changed = new LinkedHashMap<String, Map<String, Object>>();
        values.forEach((name, v) -> {
            if (!Objects.equals(v[0], v[1])) {
                changed.put(name, EntryValues.oldAndNew(v[0], v[1]));
            }
        });
        return changed;
    }

    private static <V> void entries(
            String section,
            Map<String, V> before,
            Map<String, V> after,
            Function<? super V, ?> comparable,
            Function<? super V, Object> value,
            List<String> changed,
            Map<String, Map<String, Object>> values) {
        var keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            V b = before.get(key);
            V a = after.get(key);
            if (b == null || a == null || !Objects.equals(comparable.apply(b), comparable.apply(a))) {
                changed.add(section + "." + key);
                values.put(
                        section + "." + key,
                        EntryValues.oldAndNew(b == null ? null : value.apply(b), a == null ? null : value.apply(a)));
            }
        }
    }

    /** A role's lists as sets: the export lists topics in catalogue order, whatever order they were given in. */
    private static Object topicSets(PolicyDocument.RoleSpec role) {
        return List.of(
                new HashSet<>(role.auto()), new HashSet<>(role.approve()), new HashSet<>(role.deny()), role.autoWhen());
    }

    private static Map<String, PolicyDocument.RuleSpec> byId(List<PolicyDocument.RuleSpec> rules) {
        var byId = new LinkedHashMap<String, PolicyDocument.RuleSpec>();
        rules.forEach(r -> byId.put(String.valueOf(r.id()), r));
        return byId;
    }
}
