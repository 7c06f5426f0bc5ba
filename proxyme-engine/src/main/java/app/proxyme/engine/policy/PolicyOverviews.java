package app.proxyme.engine.policy;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.Locale;

/** A stored policy document as the console reads it ({@link PolicyOverview}). */
final class PolicyOverviews {
    private PolicyOverviews() {}

    static PolicyOverview of(PolicyDocument doc) {
        var topics = doc.topics().entrySet().stream()
                .map(e -> new Topic(
                        e.getKey(),
                        e.getValue().description(),
                        e.getValue().examples(),
                        e.getValue().playbook()))
                .toList();
        var roles = doc.roles().entrySet().stream()
                .map(e -> new RoleEntry(
                        e.getKey(),
                        e.getValue().auto(),
                        e.getValue().approve(),
                        e.getValue().deny(),
                        e.getValue().autoWhen()))
                .toList();
        var members = doc.members().entrySet().stream()
                .map(e -> new MemberEntry(
                        e.getKey(),
                        e.getValue().role(),
                        e.getValue().name(),
                        e.getValue().subject()))
                .toList();
        var rules = doc.rules().stream()
                .filter(r -> !r.textOnly())
                .map(r -> new RuleEntry(
                        r.id(),
                        r.text(),
                        RuleScope.valueOf(r.scope().toUpperCase(Locale.ROOT)),
                        r.subject(),
                        r.inForce(),
                        Effect.valueOf(r.effect().toUpperCase(Locale.ROOT)),
                        r.topics(),
                        r.phrases(),
                        r.compiled().entities()))
                .toList();
        return new PolicyOverview(doc.org(), topics, roles, members, rules);
    }
}
