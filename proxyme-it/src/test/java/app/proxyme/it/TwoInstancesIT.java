package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.proxyme.engine.testsupport.Prerequisites;
import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code proxyme.jar} processes on one PostgreSQL database (issue 12), started at once on an empty schema and
 * driven only through their public interfaces by standard clients (the JDK's HTTP and WebSocket clients): they agree
 * on one signing key; a permission revoked through one is in force on the other; an approval decided on one reaches
 * the overlay connected to the other; a share link made on one opens on the other; the audit chain their concurrent
 * appends made verifies on both; the jobs have one holder, and move when it is killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class TwoInstancesIT {
    private static final Pattern INSTANCE = Pattern.compile("; instance ([0-9a-f-]{36}) ");
    private static final String PRODUCT_QUESTION = "Does it connect to Slack so the team gets notified?";
    private static final String PRICE_QUESTION =
            "Can you give us a price for two hundred seats on the enterprise plan?";

    private static Prerequisites.Postgres pg;
    private static String schema;
    private static ProxymeProcess a;
    private static ProxymeProcess b;
    private static Api apiA;
    private static Api apiB;

    @BeforeAll
    static void twoInstancesAtOnce() throws Exception {
        ProxymeProcess.jar();
        pg = Prerequisites.postgres();
        schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        var env = Map.of(
                "PROXYME_DB_URL",
                pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "PROXYME_DB_USER",
                pg.user(),
                "PROXYME_DB_PASSWORD",
                pg.password() == null ? "" : pg.password(),
                "PROXYME_WS_MESSAGES_PER_SECOND",
                "0");
        a = ProxymeProcess.start("a", Files.createTempDirectory("proxyme-a"), ProxymeProcess.freePort(), env);
        b = ProxymeProcess.start("b", Files.createTempDirectory("proxyme-b"), ProxymeProcess.freePort(), env);
        apiA = a.awaitUp();
        apiB = b.awaitUp();
    }

    @AfterAll
    static void stop() throws Exception {
        for (ProxymeProcess p : new ProxymeProcess[] {a, b}) {
            if (p != null) {
                p.close();
            }
        }
        if (schema != null) {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    @Order(1)
    void instances_started_at_once_publish_the_same_keys_and_accept_each_others_tokens() {
        JsonNode keysA = apiA.get("/.well-known/jwks.json", null).json();
        assertEquals(keysA, apiB.get("/.well-known/jwks.json", null).json());
        assertEquals(2, keysA.get("keys").size(), "one identity key and one vault key: " + keysA);
        assertEquals(
                apiA.get("/api/audit/checkpoint-keys", null).json(),
                apiB.get("/api/audit/checkpoint-keys", null).json());
        String token = apiA.login("ae@acme.test");
        assertEquals(200, apiB.get("/api/approvals?status=PENDING", token).status(), "a's token on b");
    }

    @Test
    @Order(2)
    void a_permission_revoked_through_one_instance_is_in_force_on_the_other_within_a_second() throws Exception {
        String admin = apiA.login("admin@acme.test");
        String evaluate = "{\"user\":\"ae@acme.test\",\"text\":\"" + PRODUCT_QUESTION + "\"}";
        assertEquals(
                "AUTO",
                apiB.post("/api/policy/evaluate", admin, evaluate)
                        .json()
                        .get("outcome")
                        .asText(),
                "b has decided (and cached) with the permission");

        String policy = apiA.get("/api/policy", admin).body();
        Matcher role = Pattern.compile("(?m)^(  account_executive:\\n    auto: \\[)product, ")
                .matcher(policy);
        assertTrue(role.find(), "the exported policy names the role's permissions:\n" + policy);
        String revoked = role.replaceFirst("$1")
                .replaceFirst("(?m)^(  account_executive:\\n(?:    .*\\n)*?    deny: \\[)", "$1product, ");
        assertEquals(200, apiA.put("/api/policy", admin, "text/yaml", revoked).status());

        long ms = within(
                Duration.ofSeconds(1),
                () -> !"AUTO"
                        .equals(apiB.post("/api/policy/evaluate", admin, evaluate)
                                .json()
                                .get("outcome")
                                .asText()),
                "b still answers product questions for account executives on its own");
        System.out.printf("a permission revoked through instance a was in force on instance b after %d ms%n", ms);
        assertEquals(
                "DENY",
                apiB.post("/api/policy/evaluate", admin, evaluate)
                        .json()
                        .get("outcome")
                        .asText());
    }

    @Test
    @Order(3)
    void an_approval_decided_through_one_instance_reaches_the_overlay_on_the_other_once_and_in_order()
            throws Exception {
        String token = apiA.login("ae@acme.test");
        String meeting = "two-" + System.nanoTime();
        try (var overlay = WsClient.connect(b.ws(), meeting, token)) {
            overlay.awaitType("state");
            overlay.chunk(1, PRICE_QUESTION);
            assertEquals(
                    "APPROVE", overlay.awaitType("decision", 1).get("outcome").asText());
            JsonNode held = overlay.awaitType("suggestion", 1);
            assertEquals("PENDING_APPROVAL", held.get("status").asText());
            String approvalId = held.get("approvalId").asText();
            overlay.await("the approval request", m -> isApproval(m, approvalId, "PENDING"));

            long start = System.nanoTime();
            assertEquals(
                    200,
                    apiA.post("/api/approvals/" + approvalId + "/approve", token, "")
                            .status());
            overlay.await("the approval, decided on a", m -> isApproval(m, approvalId, "APPROVED"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            JsonNode shown = overlay.await(
                    "the approved suggestion",
                    m -> m.path("type").asText().equals("suggestion")
                            && m.path("status").asText().equals("APPROVED"));
            assertEquals(approvalId, shown.get("approvalId").asText());
            System.out.printf(
                    "an approval decided through instance a reached the overlay on instance b %d ms after the"
                            + " request was sent%n",
                    ms);
            Thread.sleep(500);
            assertTrue(
                    overlay.drain().stream().noneMatch(m -> isApproval(m, approvalId, "APPROVED")),
                    "the decision arrived once");
        }
    }

    @Test
    @Order(4)
    void a_share_link_made_on_one_instance_opens_on_the_other() {
        String token = apiA.login("se@acme.test");
        String meeting = "share-" + System.nanoTime();
        try (var overlay = WsClient.connect(a.ws(), meeting, token)) {
            overlay.awaitType("state");
            overlay.chunk(1, PRODUCT_QUESTION);
            overlay.awaitType("decision", 1);
        }
        String url = apiA.post("/api/audit/share", token, "{\"meetingId\":\"" + meeting + "\"}")
                .json()
                .get("url")
                .asText();
        var opened = apiB.get(url, null);
        assertEquals(200, opened.status(), opened.body());
        assertEquals(200, apiB.get(url + "/export.jsonl", null).status());
    }

    @Test
    @Order(5)
    void the_chain_both_appended_to_verifies_on_both() throws Exception {
        String reviewer = apiA.login("audit@acme.test");
        JsonNode onA = apiA.get("/api/audit/verify", reviewer).json();
        JsonNode onB = apiB.get("/api/audit/verify", reviewer).json();
        assertTrue(onA.get("ok").asBoolean(), onA.toString());
        assertEquals(onA, onB);
    }

    @Test
    @Order(6)
    void a_members_chunks_are_decided_in_order_when_their_connection_moves_to_the_other_instance() throws Exception {
        String token = apiA.login("se@acme.test");
        String meeting = "move-" + System.nanoTime();
        int backlog = 40;
        try (var first = WsClient.connect(a.ws(), meeting, token)) {
            first.awaitType("state");
            for (int seq = 1; seq <= backlog; seq++) {
                first.chunk(seq, seq % 2 == 0 ? PRODUCT_QUESTION : PRICE_QUESTION);
            }
            first.awaitType("ack", backlog);
        } // the connection drops with chunks accepted on a and not decided yet
        long moved = System.nanoTime();
        try (var second = WsClient.connect(b.ws(), meeting, token)) {
            second.awaitType("state");
            second.chunk(backlog + 1, PRODUCT_QUESTION);
            second.awaitType("decision", backlog + 1);
        }
        System.out.printf(
                "after a move from instance a to b, b's first decision came %d ms after the reconnect%n",
                (System.nanoTime() - moved) / 1_000_000);
        var decided = new java.util.ArrayList<Long>();
        for (JsonNode e : apiB.get("/api/meetings/" + meeting + "/audit", token).json()) {
            if (e.get("type").asText().equals("decision")) {
                decided.add(e.path("detail").path("chunkSeq").asLong());
            }
        }
        assertEquals(
                java.util.stream.LongStream.rangeClosed(1, backlog + 1).boxed().toList(),
                decided.stream().distinct().toList(),
                "decided in the order accepted, across the move");
    }

    @Test
    @Order(7)
    void each_job_has_one_holder_and_moves_to_the_other_instance_within_30_s_when_its_holder_is_killed()
            throws Exception {
        String idA = instanceOf("a");
        String idB = instanceOf("b");
        assertNotEquals(idA, idB);
        within(Duration.ofSeconds(15), () -> holder("chunk-recovery") != null, "nobody recovers chunks");
        String holder = holder("approval-deadlines");
        assertTrue(holder.equals(idA) || holder.equals(idB), holder);
        ProxymeProcess dying = holder.equals(idA) ? a : b;
        String survivor = holder.equals(idA) ? idB : idA;

        long killed = System.nanoTime();
        dying.kill();
        within(
                Duration.ofSeconds(30),
                () -> survivor.equals(holder("approval-deadlines")) && survivor.equals(holder("chunk-recovery")),
                "the jobs did not move to the surviving instance");
        System.out.printf(
                "the jobs moved to the surviving instance %d ms after their holder was killed%n",
                (System.nanoTime() - killed) / 1_000_000);
    }

    private static boolean isApproval(JsonNode m, String approvalId, String status) {
        return m.path("type").asText().equals("approval")
                && m.path("approvalId").asText().equals(approvalId)
                && m.path("status").asText().equals(status);
    }

    /** The instance id a process logged at start. */
    private static String instanceOf(String name) throws Exception {
        ProxymeProcess p = name.equals("a") ? a : b;
        Matcher m = INSTANCE.matcher(Files.readString(p.log()));
        if (!m.find()) {
            fail("no instance id in " + p.log());
        }
        return m.group(1);
    }

    private static String holder(String lease) {
        try (Connection c = pg.connect();
                var s = c.prepareStatement("SELECT holder FROM " + schema + ".leases WHERE name = ?")) {
            s.setString(1, lease);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return how long it took, in ms */
    private static long within(Duration limit, BooleanSupplier condition, String failure) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                fail(failure + " after " + limit.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
