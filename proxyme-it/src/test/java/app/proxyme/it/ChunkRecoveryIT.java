package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.proxyme.web.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The crash test of PROTOCOL.md's {@code ack}: the real {@code proxyme.jar} is killed with SIGKILL while four
 * overlays (the JDK's standard WebSocket client) send chunks as fast as they are acknowledged; after a restart on the
 * same data directory, every acknowledged {@code seq} of every meeting has its {@code decision} or a
 * {@code chunk_abandoned} event in the audit trail.
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

    @Test
    @Timeout(300)
    void every_acknowledged_chunk_is_decided_or_abandoned_after_kill_9() throws Exception {
        Path jar = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
                .resolve("proxyme-web-overlay/target/proxyme.jar");
        if (!Files.isRegularFile(jar)) {
            String why = jar + " is missing: build it with ./mvnw -DskipTests package -pl proxyme-web-overlay";
            if ("1".equals(System.getenv("PROXYME_REQUIRE_ALL"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path data = Files.createTempDirectory("proxyme-crash");
        int port = freePort();
        String meeting = "crash" + System.nanoTime();
        var acked = new java.util.LinkedHashMap<String, Set<Long>>();

        Process first = start(jar, data, port, "first");
        try {
            Api api = awaitUp(port, first);
            var sockets = new ArrayList<WebSocket>();
            for (String user : USERS) {
                Set<Long> acks = new ConcurrentSkipListSet<>();
                acked.put(user, acks);
                sockets.add(connect(port, meeting, api.login(user), acks));
            }
            // each overlay sends chunk after chunk, the next one as soon as the previous is acknowledged (or at
            // once, when the socket's send completes), so that lanes hold accepted, undecided chunks at the kill
            var senders = new ArrayList<Thread>();
            for (int u = 0; u < USERS.size(); u++) {
                WebSocket ws = sockets.get(u);
                senders.add(Thread.ofVirtual().start(() -> {
                    for (long seq = 1; seq <= 400 && !Thread.currentThread().isInterrupted(); seq++) {
                        String text = LINES.get((int) (seq % LINES.size()));
                        String chunk = "{\"type\":\"chunk\",\"seq\":" + seq + ",\"speaker\":\"Dana (customer)\","
                                + "\"text\":" + quote(text) + ",\"final\":true}";
                        try {
                            ws.sendText(chunk, true).get(5, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // killed in full flow: lanes hold accepted chunks while others are being decided
            while ((total(acked) < 150 || DECIDED.get() < 40) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL: no drain, no shutdown hook
            first.waitFor(30, TimeUnit.SECONDS);
            senders.forEach(Thread::interrupt);
        } finally {
            first.destroyForcibly();
        }
        assertTrue(total(acked) >= 150, "the server acknowledged " + total(acked) + " chunks before the kill");
        int decidedBeforeKill = DECIDED.get();

        Process second = start(jar, data, port, "second");
        try {
            Api api = awaitUp(port, second);
            Map<String, Set<Long>> missing = Map.of();
            int abandoned = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                var now = new java.util.LinkedHashMap<String, Set<Long>>();
                abandoned = 0;
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
                    Set<Long> notEnded = new TreeSet<>(acked.get(user));
                    notEnded.removeAll(ended);
                    if (!notEnded.isEmpty()) {
                        now.put(user, notEnded);
                    }
                }
                missing = now;
                if (missing.isEmpty()) {
                    break;
                }
                Thread.sleep(250);
            } while (System.nanoTime() < until);
            System.out.printf(
                    "chunk recovery: %d chunks acknowledged and %d decisions received before kill -9, %d recorded as"
                            + " chunk_abandoned after the restart%n",
                    total(acked), decidedBeforeKill, abandoned);
            assertEquals(Map.of(), missing, "acknowledged chunks without decision or chunk_abandoned");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private static Process start(Path jar, Path data, int port, String name) throws IOException {
        var pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("PROXYME_DATA_DIR", data.toString());
        pb.environment().put("PROXYME_WARMUP_DECISIONS", "0");
        return pb.start();
    }

    private static Api awaitUp(int port, Process process) throws Exception {
        var api = new Api("http://127.0.0.1:" + port);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                fail("the server exited with " + process.exitValue());
            }
            try {
                if (api.get("/health", null).status() == 200) {
                    return api;
                }
            } catch (RuntimeException | AssertionError e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not report UP within 90 s");
    }

    private static WebSocket connect(int port, String meeting, String token, Set<Long> acks) {
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
                            DECIDED.incrementAndGet();
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

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
