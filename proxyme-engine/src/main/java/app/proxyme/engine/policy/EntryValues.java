package app.proxyme.engine.policy;

import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Policy entries as plain JSON values for the {@code policy_changed} audit event, so that a reviewer reads what an
 * entry was and what it became.
 */
final class EntryValues {
    private EntryValues() {}

    /** {@code {"old": ..., "new": ...}}; {@code null} stands for absent (or the runtime's default). */
    static Map<String, Object> oldAndNew(Object old, Object now) {
        var values = new LinkedHashMap<String, Object>();
        values.put("old", old);
        values.put("new", now);
        return values;
    }

    static Object topic(PolicyDocument.TopicSpec topic) {
        var value = new LinkedHashMap<String, Object>();
        value.put("description", topic.description());
        value.put("examples", topic.examples());
        value.put("playbook", topic.playbook());
        return value;
    }

    static Object role(PolicyDocument.RoleSpec role) {
        var value = new LinkedHashMap<String, Object>();
        value.put("auto", role.auto());
        value.put("approve", role.approve());
        value.put("deny", role.deny());
        if (!role.autoWhen().isEmpty()) {
            value.put("auto_when", role.autoWhen());
        }
        return value;
    }

    static Object member(PolicyDocument.MemberSpec member) {
        var value = new LinkedHashMap<String, Object>();
        value.put("role", member.role());
        value.put("name", member.name());
        value.put("subject", member.subject());
        return value;
    }

    static Object rule(PolicyDocument.RuleSpec rule) {
        var value = new LinkedHashMap<String, Object>();
        value.put("text", rule.text());
        value.put("scope", rule.scope());
        value.put("subject", rule.subject());
        value.put("enabled", rule.inForce());
        value.put("effect", rule.effect());
        value.put("topics", rule.topics());
        value.put("phrases", rule.phrases());
        return value;
    }
}
