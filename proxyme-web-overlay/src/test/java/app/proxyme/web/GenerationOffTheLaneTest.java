package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.adapter.llm.ChatStub;
import app.proxyme.engine.testsupport.DemoUtterances;
import app.proxyme.engine.testsupport.ScriptedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connected model that takes {@value #GENERATION_MS} ms to draft an answer (and answers classifications at once),
 * through the overlay's WebSocket (the JDK's standard client) and the REST API: the answers are drafted off the lane
 * in which the next chunks are decided, in order, each chunk's messages still in PROTOCOL.md's order; and two draft
 * requests racing for one chunk draft it once.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
@AddConfig(key = "proxyme.llm", value = "openai")
@AddConfig(key = "proxyme.llm.api.key", value = ChatStub.KEY)
@AddConfig(key = "proxyme.warmup.decisions", value = "50")
class GenerationOffTheLaneTest {
    static final long GENERATION_MS = 1500;
    private static final ChatStub MODEL =
            ConnectedModel.start("proxyme-generation-lane-test", GenerationOffTheLaneTest::slowToDraft);

    private Api api;
    private String ws;

    @AddConfigSource
    static ConfigSource model() {
        return ConnectedModel.config(MODEL);
    }

    @BeforeEach
    void ready() {
        api = ConnectedModel.api();
        ws = "ws://localhost:" + TestServer.port();
    }

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    /** Classifications at once; a draft after {@link #GENERATION_MS}, quoting the topic's first approved answer. */
    static ScriptedHttp.Reply slowToDraft(ScriptedHttp.Seen s) {
        if (ConnectedModel.isDraft(s)) {
            return ConnectedModel.firstApprovedAnswer(s).after(Duration.ofMillis(GENERATION_MS));
        }
        return ChatStub.completion("{\"topic\":\"product\",\"question\":true,\"confidence\":0.9}");
    }

    @Test
    void a_slow_generation_never_delays_the_next_chunks_decisions_and_each_chunk_keeps_its_message_order() {
        String se = api.login("se@acme.test");
        try (var overlay = WsClient.connect(ws, "m-lane-" + System.nanoTime(), se)) {
            overlay.awaitType("state");

            long sent = System.nanoTime();
            overlay.chunk(1, "Can you walk me through how the reporting dashboard exports data?");
            overlay.chunk(2, "Can the dashboards be filtered by region and by owner?");
            overlay.chunk(3, "Does the dashboard support exporting to CSV?");
            var at = new ArrayList<Long>();
            List<JsonNode> arrived = untilSuggestions(overlay, 3, at);

            int firstSuggestion = indexOf(arrived, "suggestion", 1);
            for (long seq = 1; seq <= 3; seq++) {
                int decision = indexOf(arrived, "decision", seq);
                assertEquals("AUTO", arrived.get(decision).path("outcome").asText(), arrived.get(decision) + "");
                assertTrue(arrived.get(decision).path("suggestionFollows").asBoolean(), arrived.get(decision) + "");
                int generate = indexOfFlow(arrived, "generate", seq);
                int suggestion = indexOf(arrived, "suggestion", seq);
                assertTrue(
                        indexOf(arrived, "ack", seq) < decision && decision < generate && generate < suggestion,
                        "chunk " + seq + ": ack, decision, generate, suggestion in this order: " + types(arrived));
                if (seq > 1) {
                    assertTrue(
                            decision < firstSuggestion,
                            "decision " + seq + " waited for the first answer: " + types(arrived));
                    assertTrue(
                            indexOf(arrived, "suggestion", seq - 1) < suggestion,
                            "answers come in the order of their chunks: " + types(arrived));
                }
            }
            System.out.printf(
                    "ms after chunk 1 was sent: decisions %d, %d, %d; suggestions %d, %d, %d%n",
                    ms(at, sent, indexOf(arrived, "decision", 1)),
                    ms(at, sent, indexOf(arrived, "decision", 2)),
                    ms(at, sent, indexOf(arrived, "decision", 3)),
                    ms(at, sent, firstSuggestion),
                    ms(at, sent, indexOf(arrived, "suggestion", 2)),
                    ms(at, sent, indexOf(arrived, "suggestion", 3)));
        }
    }

    @Test
    void two_draft_requests_racing_for_one_unsure_chunk_draft_it_once() throws Exception {
        String ae = api.login("ae@acme.test");
        String meeting = "m-race-" + System.nanoTime();
        try (var overlay = WsClient.connect(ws, meeting, ae)) {
            overlay.awaitType("state");
            overlay.chunk(3, DemoUtterances.UNSURE_QUESTION);
            JsonNode unsure = overlay.awaitType("decision", 3);
            assertTrue(unsure.path("unsure").asBoolean(), unsure.toString());

            var start = new CountDownLatch(1);
            var replies = new ArrayList<CompletableFuture<Api.Reply>>();
            for (int i = 0; i < 2; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post("/api/meetings/" + meeting + "/draft", ae, "{\"seq\":3}");
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var r : replies) {
                statuses.add(r.get().status());
            }

            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, "one draft, one conflict");
            var trail = api.get("/api/meetings/" + meeting + "/audit", ae).json();
            long drafted = 0;
            for (JsonNode e : trail) {
                String type = e.path("type").asText();
                if (e.path("detail").path("chunkSeq").asLong() == 3
                        && (type.equals("suggestion") || type.equals("suggestion_failed"))) {
                    drafted++;
                }
            }
            assertEquals(1, drafted, "the chunk was drafted once: " + trail);
        }
    }

    /**
     * Every message in the order it arrived, until the suggestions of chunks 1..{@code chunks} are among them; when each
     * was read goes to {@code at} ({@link System#nanoTime()}).
     */
    private static List<JsonNode> untilSuggestions(WsClient overlay, int chunks, List<Long> at) {
        var arrived = new ArrayList<JsonNode>();
        int suggestions = 0;
        while (suggestions < chunks) {
            JsonNode m = overlay.await("the next message", x -> true);
            arrived.add(m);
            at.add(System.nanoTime());
            if (m.path("type").asText().equals("suggestion")) {
                suggestions++;
            }
        }
        return arrived;
    }

    private static long ms(List<Long> at, long since, int index) {
        return (at.get(index) - since) / 1_000_000;
    }

    private static int indexOf(List<JsonNode> arrived, String type, long seq) {
        for (int i = 0; i < arrived.size(); i++) {
            if (arrived.get(i).path("type").asText().equals(type)
                    && arrived.get(i).path("seq").asLong() == seq) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " of chunk " + seq + ": " + types(arrived));
    }

    private static int indexOfFlow(List<JsonNode> arrived, String step, long seq) {
        for (int i = 0; i < arrived.size(); i++) {
            JsonNode m = arrived.get(i);
            if (m.path("type").asText().equals("flow")
                    && m.path("step").asText().equals(step)
                    && m.path("seq").asLong() == seq) {
                return i;
            }
        }
        throw new AssertionError("no " + step + " flow of chunk " + seq + ": " + types(arrived));
    }

    private static List<String> types(List<JsonNode> arrived) {
        return arrived.stream()
                .filter(m -> !m.path("type").asText().equals("flow")
                        || m.path("step").asText().equals("generate"))
                .map(m -> m.path("type").asText() + ":" + m.path("seq").asText())
                .toList();
    }
}
