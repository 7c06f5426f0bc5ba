package app.proxyme.engine.policy.file;

import app.proxyme.engine.policy.rules.RuleCompiler;
import app.proxyme.engine.policy.rules.RuleReading;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules a policy file gives as text only, read ({@link RuleReading}: the local {@link RuleCompiler}, and a connected
 * language model for what it cannot read) against the file's own topics when the file is read. A compiled rule is kept
 * under {@code compiled:} from then on; one that cannot be read stays text only, and {@link PolicyChecks} refuses the
 * file with the reason.
 */
final class RuleTexts {
    private RuleTexts() {}

    /** A document with the rules that could be read compiled, and why each of the others could not. */
    record Compilation(PolicyDocument doc, Map<PolicyDocument.RuleSpec, String> refused) {
        /** Why {@code rule} (text only) could not be compiled. */
        String whyNot(PolicyDocument.RuleSpec rule) {
            return refused.getOrDefault(rule, RuleTexts.whyNot(doc, rule));
        }
    }

    /** {@code doc} with each text-only rule that {@code reading} can read in its compiled form. */
    static Compilation compile(PolicyDocument doc, RuleReading reading) {
        var refused = new IdentityHashMap<PolicyDocument.RuleSpec, String>();
        if (doc.rules().stream().noneMatch(PolicyDocument.RuleSpec::textOnly)) {
            return new Compilation(doc, refused);
        }
        Map<String, RuleCompiler.TopicText> topics = topics(doc);
        var rules = doc.rules().stream()
                .map(r -> {
                    if (!r.textOnly() || r.text() == null || r.text().isBlank()) {
                        return r;
                    }
                    RuleCompiler.Result read = reading.read(r.text(), r.scope(), topics);
                    if (read instanceof RuleCompiler.Result.Done done) {
                        return compiled(r, done.rule());
                    }
                    refused.put(r, ((RuleCompiler.Result.Refused) read).reason());
                    return r;
                })
                .toList();
        return new Compilation(doc.withRules(rules), refused);
    }

    /** Why the local compiler cannot read {@code rule}'s text (empty when it can). */
    static String whyNot(PolicyDocument doc, PolicyDocument.RuleSpec rule) {
        return RuleReading.LOCAL.read(rule.text(), rule.scope(), topics(doc))
                        instanceof RuleCompiler.Result.Refused refused
                ? refused.reason()
                : "";
    }

    private static PolicyDocument.RuleSpec compiled(PolicyDocument.RuleSpec r, RuleCompiler.Compiled c) {
        return new PolicyDocument.RuleSpec(
                r.id(),
                r.text(),
                r.scope(),
                r.subject(),
                r.enabled(),
                new PolicyDocument.CompiledSpec(c.effect().name(), c.topics(), c.phrases(), c.entities()),
                PolicyDocument.RuleForm.COMPILED);
    }

    private static Map<String, RuleCompiler.TopicText> topics(PolicyDocument doc) {
        var out = new LinkedHashMap<String, RuleCompiler.TopicText>();
        doc.topics().forEach((id, t) -> out.put(id, new RuleCompiler.TopicText(id, t.description(), t.examples())));
        return out;
    }
}
