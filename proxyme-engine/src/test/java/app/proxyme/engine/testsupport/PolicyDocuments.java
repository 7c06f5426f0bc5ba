package app.proxyme.engine.testsupport;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.Phrase;
import app.proxyme.domain.policy.Rule;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.contract.RelationshipCheckContractTest.Grants;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyTuples;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The port contracts speak the core's words (grants, policies, members); the engine's adapters are fed policy
 * documents. These translate the one into the other, the way an admin's policy file would say it.
 */
public final class PolicyDocuments {
    private PolicyDocuments() {}

    /** A policy document granting what {@code grants} says: each role's AUTO and APPROVE topics, the rest DENY. */
    public static PolicyDocument of(Grants grants) {
        var topics = new LinkedHashMap<String, PolicyDocument.TopicSpec>();
        grants.topics()
                .forEach(t -> topics.put(t, new PolicyDocument.TopicSpec("All about " + t, List.of(), List.of())));
        var roles = new LinkedHashMap<String, PolicyDocument.RoleSpec>();
        grants.roles().keySet().stream()
                .sorted()
                .forEach(role -> roles.put(
                        role,
                        new PolicyDocument.RoleSpec(
                                grants.topicsWith(role, Effect.AUTO),
                                grants.topicsWith(role, Effect.APPROVE),
                                grants.topicsWith(role, Effect.DENY))));
        var members = new LinkedHashMap<String, PolicyDocument.MemberSpec>();
        grants.members().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(m -> members.put(m.getKey(), new PolicyDocument.MemberSpec(m.getValue(), null)));
        return new PolicyDocument(
                grants.org(), grants.org(), topics, roles, members, List.of(), PolicyDocument.SettingsSpec.DEFAULTS);
    }

    /** A policy document of the organisation's policy and members (roles: the members' and the rules'). */
    public static PolicyDocument of(OrgPolicy policy, List<Member> members) {
        var topics = new LinkedHashMap<String, PolicyDocument.TopicSpec>();
        for (Topic t : policy.catalog().topics()) {
            topics.put(t.id(), new PolicyDocument.TopicSpec(t.description(), t.examples(), t.playbook()));
        }
        var roleNames = new LinkedHashSet<String>();
        members.forEach(m -> roleNames.add(m.role()));
        policy.rules().stream().filter(r -> r.scope() == RuleScope.ROLE).forEach(r -> roleNames.add(r.subject()));
        var roles = new LinkedHashMap<String, PolicyDocument.RoleSpec>();
        roleNames.forEach(r -> roles.put(r, new PolicyDocument.RoleSpec(List.of(), List.of(), List.of())));
        var memberSpecs = new LinkedHashMap<String, PolicyDocument.MemberSpec>();
        members.forEach(m -> memberSpecs.put(m.email(), new PolicyDocument.MemberSpec(m.role(), m.displayName())));
        var settings = policy.settings();
        return new PolicyDocument(
                policy.org(),
                policy.org(),
                topics,
                roles,
                memberSpecs,
                policy.rules().stream().map(PolicyDocuments::rule).toList(),
                new PolicyDocument.SettingsSpec(settings.minConfidence(), settings.ambiguityMargin(), (int)
                        settings.approvalTimeout().toSeconds()));
    }

    /** An organisation with one topic and no members that keeps its audit events {@code days} days (or for ever). */
    public static PolicyDocument retaining(String org, Integer days) {
        return new PolicyDocument(
                org,
                org,
                Map.of("general", new PolicyDocument.TopicSpec("General", List.of(), List.of())),
                Map.of(),
                Map.of(),
                List.of(),
                new PolicyDocument.SettingsSpec(null, null, null, days));
    }

    /** Replaces in {@code store} the organisation's tuples by those of {@code grants}. */
    public static void replaceTuples(TupleStore store, Grants grants) {
        List<Tuple> old = store.read("").stream()
                .filter(t -> PolicyTuples.owns(grants.org(), t.object()))
                .toList();
        store.delete(old);
        store.write(PolicyTuples.of(of(grants)));
    }

    private static PolicyDocument.RuleSpec rule(Rule r) {
        return new PolicyDocument.RuleSpec(
                r.id(),
                r.text(),
                r.scope().name().toLowerCase(Locale.ROOT),
                r.subject(),
                r.cap().name(),
                List.copyOf(r.topics()),
                r.phrases().stream().map(Phrase::source).toList());
    }
}
