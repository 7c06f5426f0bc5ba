package app.proxyme.engine.policy;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyDocument.MemberSpec;
import app.proxyme.engine.policy.file.PolicyDocument.RuleSpec;
import app.proxyme.engine.policy.file.PolicyDocument.TestSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A role renamed where it stands in the file, with everything that names it: its members, the rules of its scope,
 * playground cases and the default grants that come with it.
 */
final class RoleRename {
    private RoleRename() {}

    static PolicyDocument apply(PolicyDocument doc, String from, String to) {
        new RoleEntry(to, List.of(), List.of(), List.of()); // the new name's format
        if (!doc.roles().containsKey(from)) {
            throw DomainException.notFound("no role " + from);
        }
        if (from.equals(to)) {
            return doc;
        }
        if (doc.roles().containsKey(to)) {
            throw DomainException.conflict("a role " + to + " exists already");
        }
        UnaryOperator<String> rename = name -> from.equals(name) ? to : name;
        var members = new LinkedHashMap<String, MemberSpec>();
        doc.members()
                .forEach((email, m) ->
                        members.put(email, new MemberSpec(rename.apply(m.role()), m.name(), m.subject())));
        List<RuleSpec> rules = doc.rules().stream()
                .map(r -> "role".equalsIgnoreCase(r.scope()) && from.equals(r.subject())
                        ? new RuleSpec(r.id(), r.text(), r.scope(), to, r.enabled(), r.compiled(), r.form())
                        : r)
                .toList();
        List<TestSpec> tests = doc.tests().stream()
                .map(t -> t.withRole(rename.apply(t.role())))
                .toList();
        return doc.withRoles(renamedKey(doc.roles(), from, to))
                .withGrants(renamedKey(doc.grants(), from, to))
                .withMembers(members)
                .withRules(rules)
                .withTests(tests);
    }

    private static <V> Map<String, V> renamedKey(Map<String, V> entries, String from, String to) {
        var renamed = new LinkedHashMap<String, V>();
        entries.forEach((key, value) -> renamed.put(from.equals(key) ? to : key, value));
        return renamed;
    }
}
