package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.adapter.llm.ChatStub;
import app.proxyme.engine.testsupport.ScriptedHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PROXYME_LLM=openai}, through the REST API (the JDK's HTTP client) with a model stub: a rule written in words
 * the local compiler cannot read is compiled by the model on {@code PUT /api/policy}, exported under
 * {@code compiled:}, kept byte for byte through export and import, and enforced; a proposal that would widen what a
 * role may answer is refused with the reason (400), and nothing changes.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
@AddConfig(key = "proxyme.llm", value = "openai")
@AddConfig(key = "proxyme.llm.api.key", value = ChatStub.KEY)
@AddConfig(key = "proxyme.warmup.decisions", value = "50")
@AddConfig(key = "proxyme.evaluate.per.minute", value = "0")
class RulesReadByTheModelTest {
    private static final String SENTENCE =
            "Whenever the customer wants to set up a meeting, hold the answer until I have had a look.";
    private static final String PROPOSED = "{\"effect\":\"APPROVE\",\"topics\":[\"scheduling\"],\"phrases\":[],"
            + "\"entities\":[],\"scope\":\"org\"}";
    private static final String QUESTION = "Can we schedule a follow-up call next Tuesday afternoon?";
    private static volatile String proposal = PROPOSED;

    private static final ChatStub MODEL =
            ConnectedModel.start("proxyme-rules-model-test", RulesReadByTheModelTest::reply);

    private Api api;

    @AddConfigSource
    static ConfigSource model() {
        return ConnectedModel.config(MODEL);
    }

    @BeforeEach
    void ready() {
        api = ConnectedModel.api();
    }

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    static ScriptedHttp.Reply reply(ScriptedHttp.Seen s) {
        if (ChatStub.system(s).startsWith("You compile one rule")) {
            return ChatStub.completion(proposal);
        }
        return ChatStub.completion("{\"topic\":\"scheduling\",\"question\":true,\"confidence\":0.9}");
    }

    private String withRule(String policy) {
        return policy.replace(
                "rules:\n", "rules:\n  - id: hold-meetings\n    text: \"" + SENTENCE + "\"\n    scope: org\n");
    }

    private String outcome(String jae) {
        var d = api.post("/api/policy/evaluate", jae, "{\"user\":\"jae@acme.test\",\"text\":\"" + QUESTION + "\"}");
        assertEquals(200, d.status(), d.body());
        return d.json().path("outcome").asText() + "/" + d.json().path("layer").asText();
    }

    @Test
    void a_rule_the_model_reads_is_compiled_exported_kept_and_enforced_and_a_widening_reading_is_refused() {
        String admin = api.login("admin@acme.test");
        String jae = api.login("jae@acme.test");
        String before = api.get("/api/policy", admin).body();
        assertEquals("AUTO/fga", outcome(jae), "scheduling is the junior AE's to answer");

        proposal = PROPOSED.replace("APPROVE", "AUTO");
        var widening = api.put("/api/policy", admin, "application/yaml", withRule(before));
        assertEquals(400, widening.status(), widening.body());
        assertTrue(widening.body().contains("never widen what a role may answer"), widening.body());
        assertEquals(before, api.get("/api/policy", admin).body(), "nothing changed");

        proposal = PROPOSED;
        var put = api.put("/api/policy", admin, "application/yaml", withRule(before));
        assertEquals(200, put.status(), put.body());
        String exported = api.get("/api/policy", admin).body();
        assertTrue(
                exported.contains(
                        "  - id: hold-meetings\n    text: \"" + SENTENCE + "\"\n    scope: org\n    compiled:\n"
                                + "      effect: APPROVE\n      topics: [scheduling]\n"),
                exported);
        assertEquals("APPROVE/rules", outcome(jae), "the compiled rule holds the answer for approval");

        proposal = "the model has changed its mind";
        assertEquals(
                200, api.put("/api/policy", admin, "application/yaml", exported).status());
        assertEquals(exported, api.get("/api/policy", admin).body(), "export -> import -> export is byte-identical");
    }
}
