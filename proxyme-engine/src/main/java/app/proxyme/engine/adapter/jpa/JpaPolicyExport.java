package app.proxyme.engine.adapter.jpa;

import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyTuples;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an organisation's stored policy back as a document: domains, topics, rules, playground cases, permissions
 * grants, context declarations and auto_when entries in their stored order, roles in theirs with AUTO / APPROVE / DENY topics (from the tuples) in
 * catalogue order, members by email.
 */
final class JpaPolicyExport {
    private JpaPolicyExport() {}

    static Optional<PolicyDocument> read(EntityManager em, String org) {
        OrganisationEntity o = em.find(OrganisationEntity.class, org);
        if (o == null) {
            return Optional.empty();
        }
        var topics = new LinkedHashMap<String, PolicyDocument.TopicSpec>();
        em.createQuery("select t from TopicEntity t where t.org = :org order by t.sortOrder", TopicEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(t -> topics.put(
                        t.id,
                        new PolicyDocument.TopicSpec(
                                t.description, JsonText.strings(t.examplesJson), JsonText.strings(t.playbookJson))));
        Set<String> tuples = em
                .createQuery("select t from TupleEntity t where t.object like :p", TupleEntity.class)
                .setParameter("p", "topic:" + org + "/%")
                .getResultList()
                .stream()
                .filter(t -> t.condition == null) // the listed effects; conditional ones are the auto_when entries
                .map(t -> t.object + "#" + t.relation + "@" + t.user)
                .collect(Collectors.toSet());
        var autoWhen = new LinkedHashMap<String, Map<String, String>>();
        em.createQuery("select c from ConditionEntity c where c.org = :org order by c.sortOrder", ConditionEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(c -> autoWhen.computeIfAbsent(c.role, r -> new LinkedHashMap<>())
                        .put(c.topic, c.expression));
        var roles = new LinkedHashMap<String, PolicyDocument.RoleSpec>();
        em.createQuery("select r from RoleEntity r where r.org = :org order by r.sortOrder", RoleEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(r -> roles.put(
                        r.id, role(org, r.id, topics.keySet(), tuples, autoWhen.getOrDefault(r.id, Map.of()))));
        var context = new LinkedHashMap<String, String>();
        em.createQuery(
                        "select c from ContextDeclarationEntity c where c.org = :org order by c.sortOrder",
                        ContextDeclarationEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(c -> context.put(c.id, c.type));
        var members = new LinkedHashMap<String, PolicyDocument.MemberSpec>();
        em.createQuery("select m from MemberEntity m where m.org = :org order by m.email", MemberEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(m -> members.put(m.email, new PolicyDocument.MemberSpec(m.role, m.displayName, m.subject)));
        var rules = em
                .createQuery("select r from RuleEntity r where r.org = :org order by r.sortOrder", RuleEntity.class)
                .setParameter("org", org)
                .getResultList()
                .stream()
                .map(JpaPolicyExport::rule)
                .toList();
        SettingsEntity s = em.find(SettingsEntity.class, org);
        var settings = s == null
                ? PolicyDocument.SettingsSpec.DEFAULTS
                : new PolicyDocument.SettingsSpec(
                        s.minConfidence, s.ambiguityMargin, s.approvalTimeoutSeconds, s.auditRetentionDays);
        var domains = em
                .createQuery("select d from DomainEntity d where d.org = :org order by d.sortOrder", DomainEntity.class)
                .setParameter("org", org)
                .getResultList()
                .stream()
                .map(d -> d.domain)
                .toList();
        var tests = em
                .createQuery(
                        "select t from PolicyTestEntity t where t.org = :org order by t.sortOrder",
                        PolicyTestEntity.class)
                .setParameter("org", org)
                .getResultList()
                .stream()
                .map(t -> new PolicyDocument.TestSpec(
                        t.text,
                        t.member,
                        t.role,
                        t.contextJson == null ? Map.of() : JsonText.object(t.contextJson),
                        t.outcome,
                        t.layer))
                .toList();
        var permissions = new LinkedHashMap<String, String>();
        em.createQuery(
                        "select p from PermissionEntity p where p.org = :org order by p.sortOrder",
                        PermissionEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(p -> permissions.put(p.id, p.description));
        var grants = new LinkedHashMap<String, List<String>>();
        em.createQuery("select g from GrantEntity g where g.org = :org order by g.sortOrder", GrantEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(g -> grants.put(g.id, JsonText.strings(g.permissionsJson)));
        return Optional.of(new PolicyDocument(
                org, o.name, domains, topics, roles, members, rules, tests, permissions, grants, settings, context));
    }

    private static PolicyDocument.RuleSpec rule(RuleEntity r) {
        var compiled = new PolicyDocument.CompiledSpec(
                r.effect.toUpperCase(Locale.ROOT),
                JsonText.strings(r.topicsJson),
                JsonText.strings(r.phrasesJson),
                JsonText.strings(r.entitiesJson));
        return new PolicyDocument.RuleSpec(
                r.id,
                r.text,
                r.scope.toLowerCase(Locale.ROOT),
                r.subject,
                r.enabled,
                compiled,
                r.compiledForm ? PolicyDocument.RuleForm.COMPILED : PolicyDocument.RuleForm.INLINE);
    }

    private static PolicyDocument.RoleSpec role(
            String org, String role, Set<String> topicIds, Set<String> tuples, Map<String, String> autoWhen) {
        var auto = new ArrayList<String>();
        var approve = new ArrayList<String>();
        var deny = new ArrayList<String>();
        String who = "@" + PolicyTuples.assignees(org, role);
        for (String topic : topicIds) {
            String object = "topic:" + org + "/" + topic + "#";
            if (tuples.contains(object + PolicyTuples.AUTO_RESPONDER + who)) {
                auto.add(topic);
            } else if (tuples.contains(object + PolicyTuples.APPROVAL_RESPONDER + who)) {
                approve.add(topic);
            } else if (tuples.contains(object + PolicyTuples.BLOCKED + who)) {
                deny.add(topic);
            }
        }
        return new PolicyDocument.RoleSpec(List.copyOf(auto), List.copyOf(approve), List.copyOf(deny), autoWhen);
    }
}
