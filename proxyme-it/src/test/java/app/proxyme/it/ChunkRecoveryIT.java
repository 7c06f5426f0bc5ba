package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The crash test of PROTOCOL.md's {@code ack}: the real {@code proxyme.jar} is stopped — killed with SIGKILL, or
 * asked with SIGTERM — while four overlays (the JDK's standard WebSocket client) send chunks as fast as the server
 * takes them; after a restart on the same data directory, every acknowledged {@code seq} of every meeting has its
 * {@code decision} or a {@code chunk_abandoned} event in the audit trail (after SIGTERM: its decision).
 */
class ChunkRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Decisions the overlays received before the kill. */
    private static final java.util.concurrent.atomic.AtomicInteger DECIDED =
            new java.util.concurrent.atomic.AtomicInteger();

    private static final List<String> USERS =
            List.of("se@acme.test", "ae@acme.test", "jae@acme.test", "sam@globex.test");
    private static final List<String> LINES = List.of(
            "Can you walk me through how the reporting dashboard exports data?",
            "What would this cost for a team of forty?",
            "Is the platform SOC 2 certified?",
            "We mostly track all of this in spreadsheets today.",
            "Could you commit to a delivery date for the integration?");

    /** Unpaced, so that the clients build a backlog of acknowledged chunks for the stop to cut into. */
    private static final Map<String, String> UNPACED = Map.of("PROXYME_WS_MESSAGES_PER_SECOND", "0");

    /** What a run saw: acks and decisions before the stop, and the trail after the restart. */
    private record Run(int acked, int decidedBefore, int abandoned, Map<String, Set<Long>> notEnded) {}

    @Test
    @Timeout(300)
    void every_acknowledged_chunk_is_decided_or_abandoned_after_kill_9() throws Exception {
        Run run = stopUnderLoadAndRestart(true);

        assertEquals(Map.of(), run.notEnded(), "acknowledged chunks without decision or chunk_abandoned");
    }

    @Test
    @Timeout(300)
    void a_graceful_shutdown_decides_what_it_acknowledged() throws Exception {
        Run run = stopUnderLoadAndRestart(false);

        assertEquals(Map.of(), run.notEnded(), "acknowledged chunks without decision or chunk_abandoned");
        assertEquals(0, run.abandoned(), "SIGTERM drains the lanes: every acknowledged chunk is decided");
    }

    /**
     * Four overlays send chunks as fast as the server takes them; once lanes hold accepted, undecided chunks while
     * others are being decided, the server is stopped ({@code sigkill}: SIGKILL, else SIGTERM) and started again on
     * the same data directory; then each user's trail is read until every acknowledged seq has ended (30 s at most).
     */
    private Run stopUnderLoadAndRestart(boolean sigkill) throws Exception {
        ProxymeProcess.jar();
        Path data = Files.createTempDirectory("proxyme-crash");
        int port = ProxymeProcess.freePort();
        String meeting = "crash" + System.nanoTime();
        var acked = new java.util.LinkedHashMap<String, Set<Long>>();
        var decided = new AtomicInteger();

        ProxymeProcess first = ProxymeProcess.start("first", data, port, UNPACED);
        try {
            Api api = first.awaitUp();
            var senders = new ArrayList<Thread>();
            for (String user : USERS) {
                Set<Long> acks = new ConcurrentSkipListSet<>();
                acked.put(user, acks);
                WebSocket ws = connect(port, meeting, api.login(user), acks, decided);
                senders.add(Thread.ofVirtual().start(() -> sendChunks(ws)));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((total(acked) < 150 || decided.get() < 40) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            if (sigkill) {
                first.process().destroyForcibly(); // SIGKILL: no drain, no shutdown hook
            } else {
                first.process().destroy(); // SIGTERM: connections closed with 1001, lanes drained
            }
            assertTrue(first.process().waitFor(60, TimeUnit.SECONDS), "the server stopped");
            senders.forEach(Thread::interrupt);
        } finally {
            first.process().destroyForcibly();
        }
        assertTrue(total(acked) >= 150, "the server acknowledged " + total(acked) + " chunks before it stopped");
        int decidedBefore = decided.get();

        try (ProxymeProcess second = ProxymeProcess.start("second", data, port, UNPACED)) {
            Api api = second.awaitUp();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                var notEnded = new java.util.LinkedHashMap<String, Set<Long>>();
                int abandoned = 0;
                for (String user : USERS) {
                    JsonNode events = api.get("/api/meetings/" + meeting + "/audit", api.login(user))
                            .json();
                    Set<Long> ended = new TreeSet<>();
                    for (JsonNode e : events) {
                        String type = e.get("type").asText();
                        if (!user.equals(e.path("user").asText())) {
                            continue;
                        }
                        if (type.equals("decision") || type.equals("chunk_abandoned")) {
                            ended.add(e.path("detail").path("chunkSeq").asLong());
                        }
                        if (type.equals("chunk_abandoned")) {
                            abandoned++;
                        }
                    }
                    Set<Long> open = new TreeSet<>(acked.get(user));
                    open.removeAll(ended);
                    if (!open.isEmpty()) {
                        notEnded.put(user, open);
                    }
                }
                if (notEnded.isEmpty() || System.nanoTime() > until) {
                    System.out.printf(
                            "chunk recovery (%s): %d chunks acknowledged and %d decisions received before the stop,"
                                    + " %d recorded as chunk_abandoned after the restart%n",
                            sigkill ? "SIGKILL" : "SIGTERM", total(acked), decidedBefore, abandoned);
                    return new Run(total(acked), decidedBefore, abandoned, notEnded);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Chunk after chunk, each as soon as the socket has sent the previous one, until the server is gone. */
    private static void sendChunks(WebSocket ws) {
        for (long seq = 1; seq <= 400 && !Thread.currentThread().isInterrupted(); seq++) {
            String text = LINES.get((int) (seq % LINES.size()));
            String chunk = "{\"type\":\"chunk\",\"seq\":" + seq + ",\"speaker\":\"Dana (customer)\"," + "\"text\":"
                    + quote(text) + ",\"final\":true}";
            try {
                ws.sendText(chunk, true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return; // the server is gone
            }
        }
    }

    private static WebSocket connect(int port, String meeting, String token, Set<Long> acks, AtomicInteger decided) {
        var listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode m = JSON.readTree(partial.toString());
                        if (m.path("type").asText().equals("ack")) {
                            acks.add(m.get("seq").asLong());
                        } else if (m.path("type").asText().equals("decision")) {
                            decided.incrementAndGet();
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + "/ws/meetings/" + meeting + "?access_token=" + token),
                        listener)
                .join();
    }

    private static int total(Map<String, Set<Long>> acked) {
        return acked.values().stream().mapToInt(Set::size).sum();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
