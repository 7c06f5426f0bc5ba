package app.proxyme.engine.policy.file;

import app.proxyme.engine.policy.rules.RuleCompiler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules a policy file gives as text only, compiled with the local {@link RuleCompiler} against the file's own
 * topics when the file is read. A compiled rule is kept under {@code compiled:} from then on; one the compiler cannot
 * read stays text only, and {@link PolicyChecks} refuses the file with the compiler's reason.
 */
final class RuleTexts {
    private static final RuleCompiler COMPILER = new RuleCompiler();

    private RuleTexts() {}

    /** {@code doc} with each text-only rule the compiler can read in its compiled form. */
    static PolicyDocument compile(PolicyDocument doc) {
        if (doc.rules().stream().noneMatch(PolicyDocument.RuleSpec::textOnly)) {
            return doc;
        }
        Map<String, RuleCompiler.TopicText> topics = topics(doc);
        return doc.withRules(doc.rules().stream()
                .map(r -> r.textOnly()
                                && r.text() != null
                                && !r.text().isBlank()
                                && COMPILER.compile(r.text(), topics) instanceof RuleCompiler.Result.Done done
                        ? compiled(r, done.rule())
                        : r)
                .toList());
    }

    /** Why the compiler cannot read {@code text} (empty when it can). */
    static String whyNot(PolicyDocument doc, String text) {
        return COMPILER.compile(text, topics(doc)) instanceof RuleCompiler.Result.Refused refused
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
