package app.proxyme.engine.policy;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import app.proxyme.domain.port.in.ReadRule;
import app.proxyme.engine.policy.rules.RuleCompiler;
import app.proxyme.engine.policy.rules.RuleReading;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;

/**
 * Use case: a rule's sentence read the way an imported rule written as text only is ({@link RuleReading}: the local
 * compiler, and a connected language model for what it cannot read), against the organisation's stored catalogue.
 * Nothing is stored: the console shows the reading, and {@code ManagePolicy.putRule} keeps it.
 */
public final class RuleDrafts implements ReadRule {
    private final PolicyAdmin admin;
    private final RuleReading reading;

    public RuleDrafts(PolicyAdmin admin, RuleReading reading) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    @Override
    public RuleEntry read(Member caller, String id, String text, RuleScope scope, String subject) {
        Access.require(caller, Capability.MANAGE_POLICY);
        Objects.requireNonNull(scope, "scope");
        if (text == null || text.isBlank()) {
            throw DomainException.badRequest("the rule has no text");
        }
        var doc = admin.export(caller.org())
                .orElseThrow(() -> DomainException.notFound("no organisation " + caller.org()));
        var topics = new LinkedHashMap<String, RuleCompiler.TopicText>();
        doc.topics()
                .forEach((topic, t) ->
                        topics.put(topic, new RuleCompiler.TopicText(topic, t.description(), t.examples())));
        RuleCompiler.Result read = reading.read(text, scope.name().toLowerCase(Locale.ROOT), topics);
        if (read instanceof RuleCompiler.Result.Refused(var reason)) {
            throw DomainException.badRequest("Proxy Me cannot read this rule: " + reason);
        }
        RuleCompiler.Compiled c = ((RuleCompiler.Result.Done) read).rule();
        try {
            return new RuleEntry(
                    id, text.strip(), scope, subject, false, c.effect(), c.topics(), c.phrases(), c.entities());
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(e.getMessage());
        }
    }
}
