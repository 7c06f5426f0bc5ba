package app.proxyme.engine.adapter.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.engine.testsupport.ScriptedHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat completions client against a local server that speaks the OpenAI-compatible format (CONTRACTS.md). */
class OpenAiChatTest {
    private ChatStub stub;
    private OpenAiChat chat;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private static final Chat CLASSIFY = new Chat("classify", "the rules", "the data", true, 64);

    @BeforeEach
    void start() throws Exception {
        stub = new ChatStub();
        chat = new OpenAiChat(URI.create(stub.base()), ChatStub.KEY, "llama-3.3-70b-versatile", Duration.ofSeconds(3));
        Logger.getLogger(OpenAiChat.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(OpenAiChat.class.getName()).removeHandler(capture);
        chat.close();
        stub.close();
    }

    @Test
    void sends_the_model_both_messages_with_the_data_last_temperature_0_json_and_the_bearer_key() {
        stub.content("{\"ok\":true}");

        assertEquals("{\"ok\":true}", chat.complete(CLASSIFY));

        var seen = stub.seen().get(0);
        assertEquals("POST", seen.method());
        assertEquals("Bearer " + ChatStub.KEY, seen.header("authorization"));
        assertTrue(seen.header("content-type").startsWith("application/json"), seen.header("content-type"));
        JsonNode body = ChatStub.body(seen);
        assertEquals("llama-3.3-70b-versatile", body.path("model").asText());
        assertEquals(0, body.path("temperature").asInt(-1));
        assertTrue(body.path("temperature").isNumber());
        assertEquals(64, body.path("max_tokens").asInt());
        assertEquals("json_object", body.path("response_format").path("type").asText());
        JsonNode messages = body.path("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.path(0).path("role").asText());
        assertEquals("the rules", messages.path(0).path("content").asText());
        assertEquals("user", messages.path(1).path("role").asText());
        assertEquals("the data", messages.path(1).path("content").asText());
    }

    @Test
    void plain_text_is_asked_for_without_a_response_format() {
        stub.content("Sure.");

        chat.complete(new Chat("generate", "rules", "data", false, 256));

        assertTrue(ChatStub.body(stub.seen().get(0)).path("response_format").isMissingNode());
    }

    @Test
    void a_refused_key_fails_without_retrying_and_is_logged_once_without_the_key() {
        stub.answer(s -> Reply.json(401, "{\"error\":{\"message\":\"Invalid API Key " + ChatStub.KEY + "\"}}"));

        var e = assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));
        assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));

        assertEquals("llm", e.dependency());
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        assertFalse(e.getMessage().contains(ChatStub.KEY), e.getMessage());
        assertEquals(2, stub.seen().size(), "no retry on 401");
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("refused the API key (401)"), logged.get(0));
        assertTrue(logged.get(0).contains("PROXYME_LLM_API_KEY"), logged.get(0));
        assertFalse(String.join("\n", logged).contains(ChatStub.KEY), "the key is never logged");
        assertFalse(chat.toString().contains(ChatStub.KEY));
    }

    @Test
    void a_429_is_tried_again_after_its_retry_after_when_that_fits_the_deadline() {
        var calls = new AtomicInteger();
        stub.answer(s -> calls.incrementAndGet() == 1
                ? Reply.json(429, "{\"error\":{\"message\":\"rate limited\"}}").header("retry-after", "1")
                : ChatStub.completion("{\"after\":\"wait\"}"));

        long start = System.nanoTime();
        assertEquals("{\"after\":\"wait\"}", chat.complete(CLASSIFY));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertEquals(2, stub.seen().size());
        assertTrue(ms >= 1000, "waited the Retry-After: " + ms + " ms");
        assertTrue(ms < 3000, "within the deadline: " + ms + " ms");
    }

    @Test
    void a_429_whose_retry_after_does_not_fit_the_deadline_fails_at_once() {
        stub.answer(s -> Reply.json(429, "{}").header("Retry-After", "10"));

        long start = System.nanoTime();
        var e = assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, stub.seen().size());
        assertTrue(ms < 1000, "did not wait in vain: " + ms + " ms");
        assertTrue(e.getMessage().contains("429"), e.getMessage());
    }

    @Test
    void a_500_is_tried_again_and_a_lasting_one_fails_within_the_deadline() {
        var calls = new AtomicInteger();
        stub.answer(s -> calls.incrementAndGet() == 1 ? Reply.json(500, "{}") : ChatStub.completion("{}"));
        assertEquals("{}", chat.complete(CLASSIFY));
        assertEquals(2, stub.seen().size());

        stub.answer(s -> Reply.json(503, "{}"));
        long start = System.nanoTime();
        var e = assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertTrue(ms < 3200, ms + " ms");
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        int attempts = stub.seen().size() - 2;
        assertTrue(attempts >= 2 && attempts <= OpenAiChat.MAX_ATTEMPTS, attempts + " attempts");
    }

    @Test
    void other_client_errors_are_not_tried_again() {
        stub.answer(s -> Reply.json(400, "{\"error\":{\"message\":\"bad model\"}}"));

        var e = assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));

        assertEquals(1, stub.seen().size());
        assertTrue(e.getMessage().contains("400"), e.getMessage());
    }

    @Test
    void a_stalled_server_is_given_up_at_the_deadline() {
        stub.answer(s -> ChatStub.completion("{}").after(Duration.ofSeconds(15)));

        long start = System.nanoTime();
        var e = assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertTrue(ms >= 2900 && ms < 3500, "gave up after " + ms + " ms");
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void an_answer_that_is_not_a_chat_completion_fails() {
        stub.answer(s -> Reply.json(200, "not json"));
        assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));

        stub.answer(s -> Reply.json(200, "{\"choices\":[]}"));
        assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));

        stub.answer(s -> Reply.json(200, "{\"choices\":[{\"message\":{\"content\":42}}]}"));
        assertThrows(DependencyUnavailableException.class, () -> chat.complete(CLASSIFY));
    }

    @Test
    void a_server_that_is_not_there_fails_within_the_deadline() {
        var gone = new OpenAiChat(URI.create("http://127.0.0.1:1/v1"), "k", "m", Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThrows(DependencyUnavailableException.class, () -> gone.complete(CLASSIFY));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1500);
        gone.close();
    }

    @Test
    void retry_after_is_read_in_seconds_or_as_a_date() {
        assertEquals(Duration.ofSeconds(2), OpenAiChat.parseRetryAfter("2").orElseThrow());
        assertEquals(Duration.ofMillis(1500), OpenAiChat.parseRetryAfter("1.5").orElseThrow());
        assertTrue(OpenAiChat.parseRetryAfter("soon").isEmpty());
        assertTrue(OpenAiChat.parseRetryAfter(null).isEmpty());
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        long s = OpenAiChat.parseRetryAfter(inTenSeconds).orElseThrow().toSeconds();
        assertTrue(s >= 8 && s <= 10, s + " s");
    }
}
