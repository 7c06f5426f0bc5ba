package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.adapter.llm.ChatStub;
import app.proxyme.engine.testsupport.ScriptedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.mp.MpConfigSources;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PROXYME_LLM=openai} with a model that misbehaves, through the overlay's WebSocket (the JDK's standard client):
 * whatever the model does — stall for 15 s, answer 500, send garbage, refuse the key — every chunk gets its decision
 * within 4 s, decided by the local classifier, and the {@code classify} flow event says {@code fallback: local}.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
@AddConfig(key = "proxyme.llm", value = "openai")
@AddConfig(key = "proxyme.llm.api.key", value = ChatStub.KEY)
@AddConfig(key = "proxyme.warmup.decisions", value = "50")
class LanguageModelFallbackTest {
    private static final ChatStub MODEL;

    static {
        TestServer.useFreshDataDir("proxyme-llm-fallback-test");
        try {
            MODEL = new ChatStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stub's address (a system property would outlive the class and reach the next server). */
    @AddConfigSource
    static ConfigSource model() {
        return MpConfigSources.create(Map.of("proxyme.llm.base.url", MODEL.base()));
    }

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    @Test
    void whatever_the_model_does_every_chunk_is_decided_within_4_s_by_the_local_classifier() {
        var api = new Api("http://localhost:" + TestServer.port());
        awaitReady(api);
        String jae = api.login("jae@acme.test");
        String ws = "ws://localhost:" + TestServer.port();
        var misbehaviours = new LinkedHashMap<String, Function<ScriptedHttp.Seen, ScriptedHttp.Reply>>();
        // the stall first: the circuit breaker has not opened yet, so the deadline itself is what ends it
        misbehaviours.put("stall", s -> ChatStub.completion("{}").after(Duration.ofSeconds(15)));
        misbehaviours.put("500", s -> ScriptedHttp.Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        misbehaviours.put("garbage", s -> ChatStub.completion("Sure! The topic is small talk :)"));
        misbehaviours.put("401", s -> ScriptedHttp.Reply.json(401, "{\"error\":{\"message\":\"Invalid API Key\"}}"));
        misbehaviours.put(
                "unknown topic",
                s -> ChatStub.completion("{\"topic\":\"free_stuff\",\"question\":true,\"confidence\":0.99}"));
        var elapsed = new LinkedHashMap<String, Long>();
        int seq = 1;
        for (Map.Entry<String, Function<ScriptedHttp.Seen, ScriptedHttp.Reply>> m : misbehaviours.entrySet()) {
            MODEL.answer(m.getValue());
            int asked = MODEL.seen().size();
            try (var overlay = WsClient.connect(ws, "m-llm-" + seq, jae)) {
                overlay.awaitType("state");
                long start = System.nanoTime();
                overlay.chunk(seq, "so what's the per-seat price for two hundred seats?");
                JsonNode decision = overlay.awaitType("decision", seq);
                long ms = (System.nanoTime() - start) / 1_000_000;
                elapsed.put(m.getKey(), ms);

                assertTrue(ms <= 4000, m.getKey() + ": decided after " + ms + " ms");
                assertEquals("DENY", decision.path("outcome").asText(), m.getKey() + ": " + decision);
                assertEquals("pricing", decision.path("topic").asText(), m.getKey() + ": " + decision);
                JsonNode classify = overlay.await(
                        "classify flow",
                        e -> "flow".equals(e.path("type").asText())
                                && "classify".equals(e.path("step").asText()));
                assertEquals("local", classify.path("detail").path("fallback").asText(), m.getKey() + ": " + classify);
            }
            if (m.getKey().equals("stall")) {
                assertTrue(MODEL.seen().size() > asked, "the stalled model was asked");
                assertTrue(elapsed.get("stall") >= 2900, "the deadline ended it: " + elapsed);
            }
            seq++;
        }
        System.out.println("decision time per model misbehaviour (ms): " + elapsed);
    }

    /** Ready means warm (the local path warmed at start): what the timings are promised for. */
    static void awaitReady(Api api) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!api.get("/health", null).body().contains("\"status\":\"UP\"")) {
            assertTrue(System.nanoTime() < deadline, "not ready within 90 s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
