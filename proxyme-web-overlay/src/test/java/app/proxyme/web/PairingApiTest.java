package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pairing a phone over plain HTTP and the JDK's WebSocket client: a code redeems once; the phone's token opens the
 * user's approvals — listing, deciding, hearing of them live on {@code /ws/approvals} — and nothing else; both steps
 * are in the audit trail.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
@AddConfig(key = "proxyme.public.url", value = "https://phone.example.test/")
class PairingApiTest {
    static {
        TestServer.useFreshDataDir("proxyme-pairing-test");
    }

    private static final AtomicLong MEETINGS = new AtomicLong();
    private Api api;
    private String ws;

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + TestServer.port());
        ws = "ws://localhost:" + TestServer.port();
    }

    private record Paired(String code, String token) {}

    private Paired pair(String userToken) {
        var started = api.post("/api/pairing", userToken, "");
        assertEquals(200, started.status(), started.body());
        String code = started.json().get("code").asText();
        var redeemed = api.post("/api/pairing/" + code, null, "");
        assertEquals(200, redeemed.status(), redeemed.body());
        return new Paired(code, redeemed.json().get("token").asText());
    }

    @Test
    void a_code_is_shown_as_a_link_and_a_qr_code_under_the_public_url_and_redeems_once() {
        String ae = api.login("ae@acme.test");
        var started = api.post("/api/pairing", ae, "");
        assertEquals(200, started.status(), started.body());
        JsonNode p = started.json();
        String code = p.get("code").asText();
        assertEquals(
                "https://phone.example.test/approve#code=" + code, p.get("url").asText());
        assertTrue(p.get("phoneReachable").asBoolean(), "a public URL is set");
        String qr = p.get("qr").asText();
        assertTrue(qr.startsWith("data:image/svg+xml;base64,"), qr);
        String svg = new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.contains("<path"), svg);
        assertEquals("no-store", started.header("Cache-Control").orElse(""));

        var first = api.post("/api/pairing/" + code, null, "");
        assertEquals(200, first.status(), first.body());
        assertEquals("ae@acme.test", first.json().get("user").asText());
        var again = api.post("/api/pairing/" + code, null, "");
        assertEquals(410, again.status(), "a code redeems once: " + again.body());
        assertEquals(410, api.post("/api/pairing/" + "A".repeat(32), null, "").status(), "an unknown code");
        assertEquals(410, api.post("/api/pairing/short", null, "").status(), "not a code at all");
        assertEquals(401, api.post("/api/pairing", null, "").status(), "asking for a code needs a sign-in");
    }

    @Test
    void a_phone_token_opens_the_approvals_and_nothing_else() {
        String ae = api.login("ae@acme.test");
        String phone = pair(ae).token();
        assertEquals(200, api.get("/api/approvals?status=PENDING", phone).status());
        assertEquals(
                401,
                api.post("/api/policy/evaluate", phone, "{\"user\":\"ae@acme.test\",\"text\":\"What is the price?\"}")
                        .status());
        assertEquals(401, api.post("/api/pairing", phone, "").status(), "a phone does not pair further devices");
        assertEquals(401, api.get("/api/audit/export", phone).status());
        assertEquals(
                401,
                api.post("/api/vault/token", phone, "{\"scope\":\"read:transcripts\"}")
                        .status());
        try (var meeting = WsClient.connect(ws, "m-phone-" + MEETINGS.incrementAndGet(), phone)) {
            assertEquals(1008, meeting.closed.orTimeout(10, TimeUnit.SECONDS).join(), "no meeting socket for a phone");
        }
        try (var bad = WsClient.approvals(ws, "not-a-token")) {
            assertEquals(1008, bad.closed.orTimeout(10, TimeUnit.SECONDS).join());
        }
    }

    @Test
    void the_phone_hears_of_a_held_suggestion_live_and_its_approval_reaches_the_overlay() {
        String ae = api.login("ae@acme.test");
        String phone = pair(ae).token();
        String meeting = "m-phone-" + MEETINGS.incrementAndGet();
        try (var approvals = WsClient.approvals(ws, phone);
                var overlay = WsClient.connect(ws, meeting, ae)) {
            approvals.awaitType("pending");
            overlay.awaitType("state");
            overlay.chunk(7, "Can you give us a price for two hundred seats on the enterprise plan?");
            JsonNode held = overlay.awaitType("suggestion", 7);
            assertEquals("PENDING_APPROVAL", held.get("status").asText());
            String approvalId = held.get("approvalId").asText();

            JsonNode requested = approvals.await(
                    "approval PENDING",
                    m -> m.path("type").asText().equals("approval")
                            && m.path("approvalId").asText().equals(approvalId));
            assertEquals("PENDING", requested.get("status").asText());
            assertEquals(meeting, requested.get("meetingId").asText());
            assertEquals("pricing", requested.get("topic").asText());
            assertEquals(held.get("text").asText(), requested.get("text").asText(), "the full proposed text");
            assertFalse(requested.path("bindingMessage").asText().isEmpty());

            var decided = api.post("/api/approvals/" + approvalId + "/approve", phone, "");
            assertEquals(200, decided.status(), decided.body());
            assertEquals("APPROVED", decided.json().get("status").asText());
            overlay.await(
                    "approval APPROVED on the overlay",
                    m -> m.path("type").asText().equals("approval")
                            && m.path("status").asText().equals("APPROVED"));
            approvals.await(
                    "approval APPROVED on the phone",
                    m -> m.path("type").asText().equals("approval")
                            && m.path("status").asText().equals("APPROVED"));
            assertEquals(
                    409,
                    api.post("/api/approvals/" + approvalId + "/deny", phone, "")
                            .status());
        }
        String other = pair(api.login("jae@acme.test")).token();
        try (var theirs = WsClient.approvals(ws, other)) {
            assertEquals(0, theirs.awaitType("pending").get("approvals").size(), "another user's phone sees nothing");
        }
    }

    @Test
    void pairing_is_audited_without_the_code() {
        String ae = api.login("ae@acme.test");
        Paired paired = pair(ae);
        String admin = api.login("admin@acme.test");
        var export = api.get("/api/audit/export", admin);
        assertEquals(200, export.status());
        assertTrue(export.body().contains("\"type\":\"pairing_created\""), export.body());
        assertTrue(export.body().contains("\"type\":\"device_paired\""), export.body());
        assertFalse(export.body().contains(paired.code()), "the code itself is never recorded");
        assertTrue(api.get("/api/audit/verify", admin).json().get("ok").asBoolean());
    }
}
