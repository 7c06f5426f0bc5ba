package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's limits against misbehaving clients (issue 11): a client that stops reading delays nobody and is
 * closed with 1013; a flood of chunks gets {@code busy} instead of unbounded queues; the dry run is rate-limited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SocketLimitsIT {
    static final int DEADLINE_S = 3;
    static final int EVALUATE_PER_MINUTE = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTO_QUESTION = "Can you walk me through how the reporting dashboard exports data?";

    /**
     * Without the inbound pace, which would otherwise read a flooding client so slowly that neither its lane nor its
     * outbound queue fills: these tests show the bounds that hold behind the pace (a burst within it, or pacing off).
     */
    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe(
                "proxyme.approval.timeout.s=" + DEADLINE_S,
                "proxyme.evaluate.per.minute=" + EVALUATE_PER_MINUTE,
                "proxyme.ws.messages.per.second=0");
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String ws;

    @BeforeEach
    void clients() {
        String root = base.toString().replaceAll("/$", "");
        api = new Api(root);
        ws = root.replaceFirst("^http", "ws");
    }

    private static String chunk(long seq, String text) {
        return "{\"type\":\"chunk\",\"seq\":" + seq + ",\"speaker\":\"Dana (customer)\",\"text\":"
                + JSON.valueToTree(text) + ",\"final\":true}";
    }

    @Test
    void a_client_that_does_not_read_delays_nobody_and_is_closed_with_1013() throws Exception {
        double closedBefore = closed1013();
        String jae = api.login("jae@acme.test");
        try (var slow = RawWs.connect(
                base.getHost(),
                base.getPort(),
                "/ws/meetings/slow-" + System.nanoTime() + "?access_token=" + jae,
                4096)) {
            // a held suggestion whose deadline passes while jae does not read (the deadline job then writes to jae)
            slow.sendText(chunk(1, "Do you have ISO 27001 certification for the hosting?"));
            // then messages that each get an error, until the server's socket buffers (up to 4 MB) are full and
            // the messages for jae pile up; jae reads nothing
            Thread flooder = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 200_000; i++) {
                        slow.sendText("x");
                    }
                } catch (IOException e) {
                    // the server closed the socket, or stopped reading it: either way the flood is over
                }
            });
            // jae is read only once the server has given up on it: its last frame must be the close frame
            CompletableFuture<Integer> closeCode = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                            while (closed1013() <= closedBefore && System.nanoTime() < until) {
                                Thread.sleep(100);
                            }
                            RawWs.Frame last;
                            do {
                                last = slow.read();
                            } while (last.opcode() != RawWs.Frame.CLOSE);
                            return last.closeCode();
                        } catch (IOException | InterruptedException e) {
                            throw new CompletionException(e);
                        }
                    },
                    Executors.newVirtualThreadPerTaskExecutor());
            Thread.sleep(1_500);

            try (var ae = WsClient.connect(ws, "other-" + System.nanoTime(), api.login("ae@acme.test"))) {
                ae.awaitType("state");
                long asked = System.nanoTime();
                ae.chunk(1, "How was your weekend?");
                assertEquals("AUTO", ae.awaitType("decision", 1).get("outcome").asText());
                long decidedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
                assertTrue(decidedMs < 3_000, "another user's decision took " + decidedMs + " ms");

                ae.chunk(2, "Can you give us a price for two hundred seats on the enterprise plan?");
                JsonNode held = ae.awaitType("suggestion", 2);
                assertEquals("PENDING_APPROVAL", held.get("status").asText(), held.toString());
                long heldAt = System.nanoTime();
                String approvalId = held.get("approvalId").asText();
                JsonNode expired = ae.await(
                        "approval " + approvalId + " EXPIRED",
                        m -> m.path("type").asText().equals("approval")
                                && m.path("approvalId").asText().equals(approvalId)
                                && m.path("status").asText().equals("EXPIRED"));
                long expiredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - heldAt);
                assertTrue(
                        expiredMs < (DEADLINE_S + 3) * 1000L,
                        "the deadline job expired another user's approval only after " + expiredMs + " ms: " + expired);
            }

            assertEquals(1013, closeCode.get(90, TimeUnit.SECONDS), "jae, who does not read, is closed with 1013");
            assertTrue(closed1013() > closedBefore);
            flooder.join(10_000);
        }
    }

    @Test
    void a_flood_of_chunks_gets_busy_without_ack_and_every_accepted_chunk_is_decided() {
        int n = 400;
        try (var c = WsClient.connect(ws, "flood-" + System.nanoTime(), api.login("se@acme.test"))) {
            c.awaitType("state");
            for (int seq = 1; seq <= n; seq++) {
                c.chunk(seq, AUTO_QUESTION);
            }
            List<Integer> acked = new ArrayList<>();
            List<Integer> busy = new ArrayList<>();
            for (int seq = 1; seq <= n; seq++) {
                int s = seq;
                JsonNode answer = c.await(
                        "ack or busy for seq " + s,
                        m -> m.path("seq").asLong(-1) == s
                                && (m.path("type").asText().equals("ack")
                                        || m.path("code").asText().equals("busy")));
                (answer.path("type").asText().equals("ack") ? acked : busy).add(s);
            }
            assertFalse(busy.isEmpty(), "a flood of " + n + " chunks was never told busy");
            assertFalse(acked.isEmpty());
            for (int s : acked) {
                c.awaitType("decision", s);
            }
            var rest = c.drain();
            for (JsonNode m : rest) {
                boolean aboutBusy = busy.contains(m.path("seq").asInt(-1));
                assertFalse(aboutBusy && m.path("type").asText().equals("ack"), "a busy chunk was acked: " + m);
                assertFalse(aboutBusy && m.path("type").asText().equals("decision"), "a busy chunk was decided: " + m);
            }
        }
    }

    @Test
    void the_dry_run_is_rate_limited_per_user_with_retry_after() {
        String jae = api.login("jae@acme.test");
        String body = "{\"user\":\"jae@acme.test\",\"text\":\"How much does the enterprise plan cost per month?\"}";
        for (int i = 0; i < EVALUATE_PER_MINUTE; i++) {
            assertEquals(200, api.post("/api/policy/evaluate", jae, body).status());
        }
        var limited = api.post("/api/policy/evaluate", jae, body);
        assertEquals(429, limited.status(), limited.body());
        int retryAfter = Integer.parseInt(limited.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);

        String admin = api.login("admin@acme.test");
        assertEquals(200, api.post("/api/policy/evaluate", admin, body).status(), "another user has their own limit");
    }

    private static final Pattern CLOSED_1013 =
            Pattern.compile("(?m)^proxyme_ws_closed_total\\{[^}]*code=\"1013\"[^}]*\\} ([0-9.Ee+-]+)$");

    /** How many sockets the server closed with 1013 so far ({@code /metrics}). */
    private double closed1013() {
        Matcher m = CLOSED_1013.matcher(api.get("/metrics", null).body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
