package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The socket's edges as a browser sees them (Node.js's built-in WebSocket): a refused socket closes at once with
 * 1008, and an oversized frame is answered, never silently buffered.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
class StandardClientTest {
    static {
        TestServer.useFreshDataDir("proxyme-standard-client-test");
    }

    private Api api;
    private String ws;

    private static volatile boolean warm;

    @BeforeEach
    void connect() {
        int port = TestServer.port();
        api = new Api("http://localhost:" + port);
        String base = "ws://localhost:" + port;
        ws = base + "/ws/meetings/std-" + System.nanoTime();
        if (!warm) {
            // the server's first socket creates the endpoint and its services; "at once" is about every later one
            try (var c = WsClient.connect(base, "warm-up", api.login("se@acme.test"))) {
                c.awaitType("state");
            }
            warm = true;
        }
    }

    @Test
    void a_socket_without_a_token_is_closed_with_1008_at_once() {
        assertClosed1008Quickly(ws);
    }

    @Test
    void a_socket_with_a_malformed_token_is_closed_with_1008_at_once() {
        assertClosed1008Quickly(ws + "?access_token=garbage");
    }

    @Test
    void a_socket_with_a_foreign_signed_token_is_closed_with_1008_at_once() {
        assertClosed1008Quickly(ws + "?access_token=" + Tokens.foreignSigned("se@acme.test", "acme", "sales_engineer"));
    }

    @Test
    void a_socket_with_an_expired_token_is_closed_with_1008_at_once() {
        assertClosed1008Quickly(ws + "?access_token="
                + Tokens.serverSigned("se@acme.test", "acme", "sales_engineer", Duration.ofHours(-1)));
    }

    @Test
    void a_signed_in_socket_stays_open() {
        List<JsonNode> events = NodeWs.probe(ws + "?access_token=" + api.login("se@acme.test"), 0, 1500);
        assertTrue(NodeWs.event(events, "open").isPresent(), events.toString());
        assertTrue(NodeWs.event(events, "timeout").isPresent(), "still open: " + events);
    }

    @Test
    void an_8_mb_frame_is_answered_too_large_or_closed_1009() {
        List<JsonNode> events =
                NodeWs.probe(ws + "?access_token=" + api.login("se@acme.test"), 8 * 1024 * 1024, 10_000);
        boolean tooLarge = events.stream()
                .anyMatch(e -> "message".equals(e.path("event").asText())
                        && "too_large".equals(e.path("code").asText()));
        boolean closed1009 = NodeWs.event(events, "close")
                .map(e -> e.path("code").asInt() == 1009)
                .orElse(false);
        assertTrue(tooLarge || closed1009, "neither too_large nor close 1009: " + events);
    }

    @Test
    void a_1_mb_frame_is_answered_too_large() {
        List<JsonNode> events = NodeWs.probe(ws + "?access_token=" + api.login("se@acme.test"), 1_000_000, 3_000);
        assertTrue(
                events.stream().anyMatch(e -> "too_large".equals(e.path("code").asText())), "too_large: " + events);
        assertTrue(NodeWs.event(events, "timeout").isPresent(), "still open: " + events);
    }

    private static void assertClosed1008Quickly(String url) {
        List<JsonNode> events = NodeWs.probe(url, 0, 4000);
        JsonNode close = NodeWs.event(events, "close")
                .orElseThrow(() -> new AssertionError("no close event within 4 s: " + events));
        assertEquals(1008, close.path("code").asInt(), events.toString());
        assertTrue(close.path("ms").asLong() <= 2000, "closed only after " + close.path("ms") + " ms: " + events);
    }
}
