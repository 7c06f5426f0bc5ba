package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.DemoUtterances;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol of PROTOCOL.md over a real server: WebSocket round trips, REST, auth, bad input, isolation. */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
@AddConfig(key = "proxyme.approval.timeout.s", value = "120")
class OverlayProtocolTest {
    static {
        TestServer.useFreshDataDir("proxyme-overlay-test");
    }

    private static final AtomicLong MEETINGS = new AtomicLong();
    private Api api;
    private String ws;

    @BeforeEach
    void connect() {
        int port = TestServer.port();
        api = new Api("http://localhost:" + port);
        ws = "ws://localhost:" + port;
    }

    private static String meeting() {
        return "m" + System.nanoTime() + "-" + MEETINGS.incrementAndGet();
    }

    @Test
    void an_unsure_chunk_drafts_nothing_until_asked_and_the_draft_is_held_for_approval() {
        String ae = api.login("ae@acme.test");
        String meeting = meeting();
        try (var c = WsClient.connect(ws, meeting, ae)) {
            c.awaitType("state");
            c.chunk(3, DemoUtterances.UNSURE_QUESTION);
            JsonNode d = c.awaitType("decision", 3);
            assertTrue(d.path("unsure").asBoolean(), d.toString());
            assertFalse(d.path("suggestionFollows").asBoolean(), "nothing is drafted while unsure: " + d);

            c.send("{\"type\":\"draft\",\"seq\":3}");
            JsonNode held = c.awaitType("suggestion", 3);
            assertEquals("PENDING_APPROVAL", held.get("status").asText(), held.toString());
            assertFalse(held.path("approvalId").asText().isEmpty());

            c.send("{\"type\":\"draft\",\"seq\":3}");
            JsonNode again =
                    c.await("a conflict", m -> "error".equals(m.path("type").asText()));
            assertEquals("conflict", again.get("code").asText(), again.toString());

            c.chunk(4, "Can the dashboards be filtered by region and by owner?");
            c.awaitType("decision", 4);
            var confident = api.post("/api/meetings/" + meeting + "/draft", ae, "{\"seq\":4}");
            assertEquals(409, confident.status(), "only an unsure chunk is drafted on request: " + confident.body());
            assertEquals(
                    404,
                    api.post("/api/meetings/" + meeting + "/draft", ae, "{\"seq\":99}")
                            .status());
            assertEquals(
                    400,
                    api.post("/api/meetings/" + meeting + "/draft", ae, "{}").status());
        }
    }

    @Test
    void an_unsure_decision_says_so_and_a_confident_one_does_not() {
        String ae = api.login("ae@acme.test");
        var unsure = api.post(
                "/api/policy/evaluate",
                ae,
                "{\"user\":\"ae@acme.test\",\"text\":\"" + DemoUtterances.UNSURE_QUESTION + "\"}");
        assertEquals(200, unsure.status(), unsure.body());
        assertEquals("APPROVE", unsure.json().get("outcome").asText(), unsure.body());
        assertEquals("classifier", unsure.json().get("layer").asText(), unsure.body());
        assertTrue(unsure.json().get("unsure").asBoolean(), unsure.body());
        var sure = api.post(
                "/api/policy/evaluate",
                ae,
                "{\"user\":\"ae@acme.test\",\"text\":\"Can the dashboards be filtered by region and by owner?\"}");
        assertEquals("AUTO", sure.json().get("outcome").asText(), sure.body());
        assertFalse(sure.json().has("unsure"), sure.body());
    }

    @Test
    void health_metrics_openapi_and_the_page_are_public() throws InterruptedException {
        // UP once the warm-up's dry decisions are done (seconds; longer on a busy machine)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!api.get("/health", null).body().contains("\"status\":\"UP\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String health = api.get("/health", null).body();
        assertTrue(health.contains("\"status\":\"UP\""), health);
        // the embedded database has one process: its caches are trusted, and /health says why
        assertTrue(health.contains("\"shared-caches\"") && health.contains("\"trusted\":true"), health);
        assertEquals(200, api.get("/metrics", null).status());
        assertEquals(200, api.get("/openapi", null).status());
        assertTrue(api.get("/", null).body().contains("Proxy Me"));
        assertEquals(200, api.get("/.well-known/jwks.json", null).status());
    }

    @Test
    void login_knows_the_demo_users_and_nobody_else() {
        var ok = api.post("/api/dev/login", null, "{\"email\":\"jae@acme.test\"}");
        assertEquals(200, ok.status());
        assertEquals("junior_ae", ok.json().get("role").asText());
        assertEquals("acme", ok.json().get("org").asText());
        assertEquals(
                401,
                api.post("/api/dev/login", null, "{\"email\":\"who@acme.test\"}")
                        .status());
        assertEquals(400, api.post("/api/dev/login", null, "not json").status());
    }

    @Test
    void the_demo_user_picker_lists_the_embedded_users_without_a_token() {
        var users = api.get("/api/dev/users", null);
        assertEquals(200, users.status(), users.body());
        JsonNode jae = null;
        for (JsonNode u : users.json()) {
            if (u.get("email").asText().equals("jae@acme.test")) {
                jae = u;
            }
        }
        assertTrue(jae != null, users.body());
        assertEquals("junior_ae", jae.get("role").asText());
        assertEquals("acme", jae.get("org").asText());
        assertFalse(jae.get("name").asText().isBlank());
        assertTrue(users.body().contains("sam@globex.test"), users.body());
        assertFalse(users.body().contains("token"), "lists users, signs nobody in");
    }

    @Test
    void api_calls_without_a_valid_token_are_401() {
        assertEquals(401, api.get("/api/approvals?status=PENDING", null).status());
        assertEquals(
                401, api.get("/api/approvals?status=PENDING", "not-a-token").status());
        String[] jwt = api.login("jae@acme.test").split("\\.");
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String claims =
                new String(java.util.Base64.getUrlDecoder().decode(jwt[1]), java.nio.charset.StandardCharsets.UTF_8);
        String raised = b64.encodeToString(
                claims.replace("junior_ae", "sales_manager").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = jwt[0] + "." + raised + "." + jwt[2];
        assertEquals(
                401,
                api.post("/api/policy/evaluate", forged, "{\"text\":\"hi\"}").status());
        String unsigned = jwt[0] + "." + jwt[1] + ".";
        assertEquals(
                401,
                api.post("/api/policy/evaluate", unsigned, "{\"text\":\"hi\"}").status());
    }

    @Test
    void evaluate_is_for_the_user_themself_or_an_admin_of_their_org() {
        String jae = api.login("jae@acme.test");
        var own = api.post(
                "/api/policy/evaluate",
                jae,
                "{\"user\":\"jae@acme.test\",\"text\":\"How much does the enterprise plan cost per month?\"}");
        assertEquals(200, own.status(), own.body());
        assertEquals("DENY", own.json().get("outcome").asText());
        assertEquals("pricing", own.json().get("topic").asText());
        assertEquals("fga", own.json().get("layer").asText());

        assertEquals(
                403,
                api.post("/api/policy/evaluate", jae, "{\"user\":\"ae@acme.test\",\"text\":\"What does it cost?\"}")
                        .status());
        String admin = api.login("admin@acme.test");
        var forAe = api.post(
                "/api/policy/evaluate",
                admin,
                "{\"user\":\"ae@acme.test\",\"text\":\"How much does the enterprise plan cost per month?\"}");
        assertEquals("APPROVE", forAe.json().get("outcome").asText());
        String globexAdmin = api.login("admin@globex.test");
        assertEquals(
                404,
                api.post("/api/policy/evaluate", globexAdmin, "{\"user\":\"jae@acme.test\",\"text\":\"price?\"}")
                        .status());
        assertEquals(
                400,
                api.post("/api/policy/evaluate", jae, "{\"user\":\"jae@acme.test\"}")
                        .status());
    }

    @Test
    void an_auto_question_is_acknowledged_traced_decided_and_answered() {
        String token = api.login("se@acme.test");
        try (var c = WsClient.connect(ws, meeting(), token)) {
            c.awaitType("state");
            c.chunk(1, "Can you walk me through how the reporting dashboard exports data?");
            c.awaitType("ack", 1);
            JsonNode decision = c.awaitType("decision", 1);
            assertEquals("AUTO", decision.get("outcome").asText(), decision.toString());
            assertEquals("fga", decision.get("layer").asText());
            JsonNode suggestion = c.awaitType("suggestion", 1);
            assertEquals("AUTO", suggestion.get("status").asText());
            assertFalse(suggestion.get("text").asText().isBlank());
            var flows = c.drain().stream()
                    .filter(m -> m.path("type").asText().equals("flow"))
                    .toList();
            var steps = flows.stream().map(f -> f.get("step").asText()).toList();
            assertTrue(
                    steps.containsAll(java.util.List.of(
                            "token_vault",
                            "classify",
                            "rules",
                            "fga",
                            "toggles",
                            "decision",
                            "generate",
                            "output_check",
                            "audit")),
                    steps.toString());
            assertTrue(flows.stream().allMatch(f -> f.get("ms").asDouble() >= 0));
        }
    }

    @Test
    void an_acknowledged_chunk_is_in_the_trail_when_its_ack_arrives() {
        String m = meeting();
        String se = api.login("se@acme.test");
        try (var c = WsClient.connect(ws, m, se)) {
            c.awaitType("state");
            c.chunk(41, "Could you tell me how long onboarding usually takes for a team of our size?");
            c.awaitType("ack", 41);
            var events = api.get("/api/meetings/" + m + "/audit", se).json();
            boolean recorded = false;
            for (JsonNode e : events) {
                recorded |= e.get("type").asText().equals("chunk")
                        && e.path("detail").path("chunkSeq").asLong() == 41;
            }
            assertTrue(recorded, "ack means durable: " + events);
            c.awaitType("decision", 41);
        }
    }

    @Test
    void a_held_suggestion_is_approved_once_over_the_websocket_and_then_conflicts_over_rest() {
        String token = api.login("ae@acme.test");
        try (var c = WsClient.connect(ws, meeting(), token)) {
            c.awaitType("state");
            c.chunk(5, "Can you give us a price for two hundred seats on the enterprise plan?");
            assertEquals("APPROVE", c.awaitType("decision", 5).get("outcome").asText());
            JsonNode held = c.awaitType("suggestion", 5);
            assertEquals("PENDING_APPROVAL", held.get("status").asText());
            String approvalId = held.get("approvalId").asText();

            var pending = api.get("/api/approvals?status=PENDING", token).json();
            assertTrue(pending.toString().contains(approvalId));

            c.send("{\"type\":\"approve\",\"approvalId\":\"" + approvalId + "\"}");
            JsonNode decided = c.await(
                    "approval APPROVED",
                    m -> m.path("type").asText().equals("approval")
                            && m.path("status").asText().equals("APPROVED"));
            assertEquals(approvalId, decided.get("approvalId").asText());
            assertEquals(
                    409,
                    api.post("/api/approvals/" + approvalId + "/deny", token, "")
                            .status());
            assertEquals(
                    404, api.post("/api/approvals/ap_unknown/deny", token, "").status());
            String other = api.login("mgr@acme.test");
            assertEquals(
                    404,
                    api.post("/api/approvals/" + approvalId + "/approve", other, "")
                            .status());
        }
    }

    @Test
    void bad_input_gets_an_error_and_the_connection_stays_usable() {
        try (var c = WsClient.connect(ws, meeting(), api.login("se@acme.test"))) {
            c.awaitType("state");
            c.send("this is not json");
            assertEquals("bad_request", c.awaitType("error").get("code").asText());
            c.send("{\"type\":\"dance\"}");
            assertEquals("bad_request", c.awaitType("error").get("code").asText());
            c.send("{\"type\":\"chunk\",\"seq\":1}");
            assertTrue(c.awaitType("error").get("message").asText().contains("'text'"));
            c.chunk(3, "x".repeat(4001));
            assertEquals("too_large", c.awaitType("error").get("code").asText());
            c.chunk(10, "How was your weekend?");
            c.awaitType("ack", 10);
            c.chunk(9, "older");
            assertEquals("bad_seq", c.awaitType("error").get("code").asText());
            c.send("{\"type\":\"approve\",\"approvalId\":\"ap_nope\"}");
            assertEquals("not_found", c.awaitType("error").get("code").asText());
            c.send("{\"type\":\"toggle\",\"topic\":\"weather\",\"enabled\":false}");
            assertEquals("bad_request", c.awaitType("error").get("code").asText());
            c.send("{\"type\":\"consent_decide\",\"consentId\":\"cs_nope\",\"decision\":\"MAYBE\"}");
            JsonNode badDecision = c.awaitType("error");
            assertEquals("bad_request", badDecision.get("code").asText());
            assertTrue(
                    badDecision.get("message").asText().contains("ALLOW, ALLOW_ONCE or DENY"), badDecision.toString());
            c.send("{\"type\":\"consent_decide\",\"consentId\":\"cs_nope\",\"decision\":\"ALLOW\"}");
            assertEquals("not_found", c.awaitType("error").get("code").asText());
            c.send("{\"type\":\"ping\"}");
            c.awaitType("pong");
            assertEquals("AUTO", c.awaitType("decision", 10).get("outcome").asText());
        }
    }

    @Test
    void a_websocket_without_a_valid_token_is_closed_with_1008() throws Exception {
        try (var c = WsClient.connect(ws, meeting(), "garbage")) {
            assertEquals(1008, c.closed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_topic_switched_off_is_held_instead_of_answered() {
        try (var c = WsClient.connect(ws, meeting(), api.login("se@acme.test"))) {
            c.awaitType("state");
            c.send("{\"type\":\"toggle\",\"topic\":\"product\",\"enabled\":false}");
            assertFalse(c.awaitType("toggles").get("toggles").get("product").asBoolean());
            c.chunk(1, "Can you walk me through how the reporting dashboard exports data?");
            JsonNode d = c.awaitType("decision", 1);
            assertEquals("APPROVE", d.get("outcome").asText());
            assertEquals("toggles", d.get("layer").asText());
        }
    }

    @Test
    void each_participant_is_decided_under_their_own_role() {
        String m = meeting();
        try (var jae = WsClient.connect(ws, m, api.login("jae@acme.test"));
                var mgr = WsClient.connect(ws, m, api.login("mgr@acme.test"))) {
            jae.awaitType("state");
            mgr.awaitType("state");
            String q = "How much does the enterprise plan cost per month?";
            jae.chunk(1, q);
            mgr.chunk(1, q);
            assertEquals("DENY", jae.awaitType("decision", 1).get("outcome").asText());
            assertEquals("AUTO", mgr.awaitType("decision", 1).get("outcome").asText());
            assertTrue(
                    jae.drain().stream()
                            .noneMatch(x -> x.path("outcome").asText().equals("AUTO")),
                    "jae never sees mgr's decisions");
        }
    }

    @Test
    void a_meetings_record_is_visible_to_participants_admin_and_auditor_only() {
        String m = meeting();
        String se = api.login("se@acme.test");
        try (var c = WsClient.connect(ws, m, se)) {
            c.awaitType("state");
            c.chunk(1, "How was your weekend?");
            c.awaitType("decision", 1);
        }
        var own = api.get("/api/meetings/" + m + "/audit", se);
        assertEquals(200, own.status());
        assertTrue(own.json().size() >= 2);
        assertEquals("chunk", own.json().get(0).get("type").asText());
        assertEquals(
                200,
                api.get("/api/meetings/" + m + "/audit", api.login("admin@acme.test"))
                        .status());
        assertEquals(
                200,
                api.get("/api/meetings/" + m + "/audit", api.login("audit@acme.test"))
                        .status());
        assertEquals(
                404,
                api.get("/api/meetings/" + m + "/audit", api.login("jae@acme.test"))
                        .status());
        assertEquals(
                404,
                api.get("/api/meetings/" + m + "/audit", api.login("admin@globex.test"))
                        .status());
        assertEquals(404, api.get("/api/meetings/nope/audit", se).status());
    }
}
