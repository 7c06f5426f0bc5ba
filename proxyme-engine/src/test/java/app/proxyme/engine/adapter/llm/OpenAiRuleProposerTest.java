package app.proxyme.engine.adapter.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.InvalidPolicyException;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyYaml;
import app.proxyme.engine.policy.rules.RuleReading;
import app.proxyme.engine.testsupport.ScriptedHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rule the local compiler cannot read, read by the connected model against a local chat completions server
 * (CONTRACTS.md): what the client sends, the strict form of the reply, the validation of what it proposes (never wider
 * than asking first, topics of the catalogue, known entities, the rule's own scope), and a compiled form that stays the
 * same through export and import.
 */
class OpenAiRuleProposerTest {
    /** A wording none of the local compiler's phrasings reads. */
    static final String SENTENCE =
            "Whenever the customer brings up our roadmap, hold the answer until I have had a look.";

    private static final String PROPOSED =
            "{\"effect\":\"APPROVE\",\"topics\":[\"roadmap\"],\"phrases\":[]," + "\"entities\":[],\"scope\":\"org\"}";

    private ChatStub stub;
    private OpenAiChat chat;
    private RuleReading reading;

    @BeforeEach
    void start() throws Exception {
        stub = new ChatStub();
        chat = new OpenAiChat(URI.create(stub.base()), ChatStub.KEY, "llama-3.3-70b-versatile", Duration.ofSeconds(3));
        reading = RuleReading.withModel(new OpenAiRuleProposer(chat));
    }

    @AfterEach
    void stop() {
        chat.close();
        stub.close();
    }

    /** The demo policy of acme with one more rule, written as {@code text} only. */
    static String withRule(String text) throws IOException {
        try (InputStream in = PolicyFiles.class.getResourceAsStream("/policies/acme.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return yaml.replace(
                    "rules:\n", "rules:\n  - id: roadmap-hold\n    text: \"" + text + "\"\n    scope: org\n");
        }
    }

    private static PolicyDocument.RuleSpec rule(PolicyDocument doc) {
        return doc.rules().stream()
                .filter(r -> r.id().equals("roadmap-hold"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_wording_the_compiler_cannot_read_is_compiled_by_the_model_and_kept_through_export_and_import()
            throws IOException {
        stub.content(PROPOSED);

        PolicyDocument doc = PolicyFiles.parse(withRule(SENTENCE), reading);

        var rule = rule(doc);
        assertEquals("APPROVE", rule.effect());
        assertEquals(List.of("roadmap"), rule.topics());
        assertEquals(PolicyDocument.RuleForm.COMPILED, rule.form());
        assertEquals(1, stub.seen().size(), "only the rule the compiler could not read went to the model");
        String exported = PolicyYaml.write(doc);
        assertTrue(exported.contains("compiled:"), exported);
        stub.content("not JSON at all");
        String again = PolicyYaml.write(PolicyFiles.parse(exported, reading));
        assertEquals(exported, again, "export -> import -> export is byte-identical");
        assertEquals(1, stub.seen().size(), "a compiled form in the file is kept, not asked for again");
    }

    @Test
    void the_topics_entities_and_form_are_instructions_and_the_rule_comes_last_as_delimited_data() throws IOException {
        stub.content(PROPOSED);

        PolicyFiles.parse(withRule(SENTENCE), reading);

        var seen = stub.seen().get(0);
        JsonNode body = ChatStub.body(seen);
        assertEquals("json_object", body.path("response_format").path("type").asText());
        assertEquals(0, body.path("temperature").asInt(-1));
        String system = ChatStub.system(seen);
        assertTrue(system.contains("- roadmap: ") && system.contains("- pricing: "), system);
        assertTrue(system.contains("customer reference"), "the known entities: " + system);
        assertTrue(system.contains("\"effect\"") && system.contains("\"scope\""), system);
        assertFalse(system.contains("hold the answer"), "the rule is not in the instructions");
        assertEquals(SENTENCE, ChatStub.data(seen));
    }

    @Test
    void a_proposal_that_would_widen_permissions_or_name_what_is_not_known_is_refused_with_a_reason() {
        var refusals = List.of(
                List.of(PROPOSED.replace("APPROVE", "AUTO"), "may only deny (DENY) or ask first (APPROVE)"),
                List.of(PROPOSED.replace("roadmap", "free_lunch"), "unknown topic 'free_lunch'"),
                List.of(PROPOSED.replace("\"entities\":[]", "\"entities\":[\"ceo\"]"), "unknown entity 'ceo'"),
                List.of(PROPOSED.replace("\"scope\":\"org\"", "\"scope\":\"user\""), "the rule's scope is 'org'"),
                List.of(PROPOSED.replace("[\"roadmap\"]", "[]"), "names no topic, phrase or entity"),
                List.of("Sure! {\"effect\":\"APPROVE\"}", "not the asked-for form: the reply is not JSON"),
                List.of(PROPOSED.replace("\"scope\":\"org\"", "\"scope\":\"org\",\"why\":\"x\""), "unexpected field"),
                List.of(PROPOSED.replace(",\"phrases\":[]", ""), "'phrases' is missing"));
        for (List<String> r : refusals) {
            stub.content(r.get(0));

            var e = assertThrows(InvalidPolicyException.class, () -> PolicyFiles.parse(withRule(SENTENCE), reading));

            String message = e.errors().toString();
            assertTrue(message.contains("rules.roadmap-hold: cannot compile"), message);
            assertTrue(message.contains(r.get(1)), r.get(0) + " -> " + message);
        }
    }

    @Test
    void a_known_entity_brings_its_phrases() throws IOException {
        stub.content("{\"effect\":\"DENY\",\"topics\":[],\"phrases\":[],\"entities\":[\"customer reference\"],"
                + "\"scope\":\"org\"}");

        var rule = rule(PolicyFiles.parse(
                withRule("Keep quiet whenever someone wants to phone one of our happy clients."), reading));

        assertEquals(1, stub.seen().size(), "read by the model, not the local compiler");
        assertEquals("DENY", rule.effect());
        assertEquals(List.of("customer reference"), rule.compiled().entities());
        assertTrue(
                rule.phrases().contains("\\bcase stud(y|ies)\\b"),
                rule.phrases().toString());
    }

    @Test
    void without_a_model_the_refusal_says_a_connected_model_could_read_it_and_a_failing_model_is_a_refusal()
            throws IOException {
        var local = assertThrows(InvalidPolicyException.class, () -> PolicyFiles.parse(withRule(SENTENCE)));
        assertTrue(
                local.errors().toString().contains("a connected language model (PROXYME_LLM=openai) could read"),
                local.errors().toString());

        stub.answer(s -> Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        var down = assertThrows(InvalidPolicyException.class, () -> PolicyFiles.parse(withRule(SENTENCE), reading));
        assertTrue(
                down.errors().toString().contains("the language model could not read it either"),
                down.errors().toString());
    }
}
