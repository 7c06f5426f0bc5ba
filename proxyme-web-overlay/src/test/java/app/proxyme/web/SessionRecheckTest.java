package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open sockets are re-checked: a removed member or an expired token is disconnected, a new role applies. */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
class SessionRecheckTest {
    static {
        TestServer.useFreshDataDir("proxyme-recheck-test");
    }

    private Api api;
    private String ws;

    @BeforeEach
    void connect() {
        int port = TestServer.port();
        api = new Api("http://localhost:" + port);
        ws = "ws://localhost:" + port;
    }

    private String putPolicy(java.util.function.UnaryOperator<String> change) {
        String admin = api.login("admin@acme.test");
        String before = api.get("/api/policy", admin).body();
        String after = change.apply(before);
        assertFalse(before.equals(after), "the change changes the policy");
        var put = api.put("/api/policy", admin, "application/yaml", after);
        assertEquals(200, put.status(), put.body());
        return admin;
    }

    @Test
    void a_removed_member_is_disconnected_with_1008_within_5_s_and_cannot_approve() throws Exception {
        String meeting = "recheck-removed-" + System.nanoTime();
        try (var c = WsClient.connect(ws, meeting, api.login("jae@acme.test"))) {
            c.awaitType("state");
            c.chunk(1, "Do you have ISO 27001 certification for the hosting?");
            assertEquals("APPROVE", c.awaitType("decision", 1).get("outcome").asText());
            String approvalId = c.awaitType("suggestion", 1).get("approvalId").asText();

            String admin = putPolicy(p -> p.replaceAll("(?m)^  jae@acme\\.test: .*\\n", ""));
            long removed = System.nanoTime();
            try {
                c.send("{\"type\":\"approve\",\"approvalId\":\"" + approvalId + "\"}");
            } catch (RuntimeException alreadyClosed) {
                // closed by the re-check before the approval was sent: refused all the same
            }
            assertEquals(1008, c.closed.get(10, TimeUnit.SECONDS));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - removed);
            assertTrue(ms <= 5_500, "closed " + ms + " ms after the member was removed");
            assertTrue(
                    c.drain().stream()
                            .noneMatch(m -> m.path("type").asText().equals("approval")
                                    && m.path("status").asText().equals("APPROVED")),
                    "a removed member's approval is refused");
            JsonNode audit =
                    api.get("/api/meetings/" + meeting + "/audit", admin).json();
            for (JsonNode e : audit) {
                assertFalse(e.path("type").asText().equals("approval_decided"), "no decision recorded: " + e);
            }
        }
    }

    @Test
    void a_changed_role_applies_to_the_next_chunk() {
        String q = "How much does the enterprise plan cost per month?";
        try (var c = WsClient.connect(ws, "recheck-role-" + System.nanoTime(), api.login("ae@acme.test"))) {
            c.awaitType("state");
            c.chunk(1, q);
            assertEquals("APPROVE", c.awaitType("decision", 1).get("outcome").asText());

            putPolicy(p -> p.replace("ae@acme.test: {role: account_executive,", "ae@acme.test: {role: sales_manager,"));

            c.chunk(2, q);
            JsonNode d = c.awaitType("decision", 2);
            assertEquals("AUTO", d.get("outcome").asText(), "decided under the new role: " + d);
            assertTrue(d.get("reason").asText().contains("role sales_manager"), "the new role decides: " + d);
        }
    }

    @Test
    void an_expired_token_is_disconnected_with_1008() throws Exception {
        // The identity accepts 5 s of clock skew; the re-check runs at least every 5 s.
        String token = Tokens.serverSigned("se@acme.test", "acme", "sales_engineer", Duration.ofSeconds(2));
        try (var c = WsClient.connect(ws, "recheck-expiry-" + System.nanoTime(), token)) {
            c.awaitType("state");
            long opened = System.nanoTime();
            assertEquals(1008, c.closed.get(20, TimeUnit.SECONDS));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
            assertTrue(ms <= 2_000 + 5_000 + 5_500, "closed " + ms + " ms after open");
        }
    }
}
