package app.proxyme.engine.policy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Effect;
import app.proxyme.engine.policy.file.PolicyFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local rule compiler on the demo organisation's catalogue: the common phrasings, and what it refuses. */
class RuleCompilerTest {
    private static final Map<String, RuleCompiler.TopicText> ACME = topics("acme");
    private final RuleCompiler compiler = new RuleCompiler();

    static Map<String, RuleCompiler.TopicText> topics(String org) {
        var out = new LinkedHashMap<String, RuleCompiler.TopicText>();
        PolicyFiles.demo(org)
                .topics()
                .forEach((id, t) -> out.put(id, new RuleCompiler.TopicText(id, t.description(), t.examples())));
        return out;
    }

    private RuleCompiler.Compiled compiled(String text) {
        var result = compiler.compile(text, ACME);
        return assertInstanceOf(RuleCompiler.Result.Done.class, result, text + " → " + result)
                .rule();
    }

    private String refused(String text) {
        var result = compiler.compile(text, ACME);
        return assertInstanceOf(RuleCompiler.Result.Refused.class, result, text + " → " + result)
                .reason();
    }

    @Test
    void the_demo_rules_compile_to_what_was_written_by_hand() {
        var personnel = compiled("Never discuss employee compensation or other personnel matters.");
        assertEquals(new RuleCompiler.Compiled(Effect.DENY, List.of("personnel"), List.of(), List.of()), personnel);
        var commitments = compiled("Always ask me before agreeing to any deadline, delivery date or SLA.");
        assertEquals(
                new RuleCompiler.Compiled(Effect.APPROVE, List.of("commitment"), List.of(), List.of()), commitments);
        var references = compiled("Do not name other customers as references without my approval.");
        assertEquals(Effect.APPROVE, references.effect());
        assertEquals(List.of(), references.topics());
        assertEquals(List.of("customer reference"), references.entities());
        // every phrase the demo file held before its rules were written as text only, and more ways of asking for one
        var handWritten = List.of(
                "\\breferences?\\b",
                "\\b(other|existing|current) (customers?|clients?)\\b",
                "\\b(customers?|clients?) (we|i) (could|can|might) (talk|speak) (to|with)\\b",
                "\\bcase stud(y|ies)\\b",
                "\\bwho (else )?(uses|is using) (you|your|this)\\b");
        assertEquals(handWritten, references.phrases().subList(0, handWritten.size()));
        assertTrue(
                references.phrases().size() > handWritten.size(),
                references.phrases().toString());
    }

    @Test
    void each_common_phrasing_has_its_effect() {
        assertEquals(Effect.DENY, compiled("Do not mention our roadmap").effect());
        assertEquals(Effect.DENY, compiled("Don't talk about competitors!").effect());
        assertEquals(
                Effect.APPROVE,
                compiled("Check with me before you discuss pricing").effect());
        assertEquals(
                Effect.APPROVE,
                compiled("Don't discuss legal terms without asking me").effect());
        assertEquals(
                Effect.APPROVE,
                compiled("Pricing questions only with my approval").effect());
        var auto = compiled("You may answer security questions on your own.");
        assertEquals(Effect.AUTO, auto.effect());
        assertEquals(List.of("security"), auto.topics());
        assertEquals(List.of("roadmap"), compiled("Never discuss the roadmap").topics());
    }

    @Test
    void a_rule_it_cannot_read_is_refused_with_a_reason() {
        assertTrue(refused("Be nice to customers").startsWith("cannot tell whether the rule forbids"));
        assertTrue(refused("Never discuss the weather on Mars").startsWith("cannot tell what \"the weather on mars\""));
        assertTrue(refused("  ").contains("no text"));
    }
}
