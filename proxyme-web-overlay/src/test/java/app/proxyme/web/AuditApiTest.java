package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.verify.AuditStreamVerifier;
import app.proxyme.engine.audit.verify.ChainCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Audit export and verification over a real server: who may read what, and what they get verifies. */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
class AuditApiTest {
    static {
        TestServer.useFreshDataDir("proxyme-audit-test");
    }

    private Api api;
    private String ws;

    @BeforeEach
    void connect() {
        int port = TestServer.port();
        api = new Api("http://localhost:" + port);
        ws = "ws://localhost:" + port;
    }

    /** A meeting of se@acme.test with one decided chunk. */
    private String meetingOfSe() {
        String m = "m" + System.nanoTime();
        try (var c = WsClient.connect(ws, m, api.login("se@acme.test"))) {
            c.awaitType("state");
            c.chunk(1, "How much does the enterprise plan cost per month?");
            c.awaitType("decision", 1);
        }
        return m;
    }

    static ChainVerdict offline(String body, String head) throws java.io.IOException {
        return new AuditStreamVerifier()
                .verify(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ChainCheck.Mode.ANY, head);
    }

    @Test
    void audit_endpoints_need_a_token() {
        assertEquals(401, api.get("/api/audit/export", null).status());
        assertEquals(401, api.get("/api/audit/verify", "garbage").status());
        assertEquals(401, api.get("/api/audit/checkpoint-keys", null).status());
        var keys = api.get("/api/audit/checkpoint-keys", api.login("audit@acme.test"));
        assertEquals("RS256", keys.json().get("keys").get(0).get("alg").asText(), keys.body());
    }

    @Test
    void admins_and_the_reviewer_export_the_whole_trail_and_it_verifies_offline() throws Exception {
        meetingOfSe();
        String auditor = api.login("audit@acme.test");
        var verify = api.get("/api/audit/verify", auditor);
        assertEquals(200, verify.status(), verify.body());
        assertTrue(verify.json().get("ok").asBoolean(), verify.body());
        String head = verify.json().get("head").asText();
        long events = verify.json().get("events").asLong();

        var export = api.get("/api/audit/export?toSeq=" + events, api.login("admin@acme.test"));
        assertEquals(200, export.status());
        ChainVerdict v = offline(export.body(), head);
        assertTrue(v.ok(), v.toString());
        assertEquals(events, v.events());
        assertEquals("prev", v.by());

        var csv = api.get("/api/audit/export?format=csv&fromSeq=2&toSeq=3", auditor);
        assertEquals(200, csv.status());
        var rows = csv.body().split("\r\n");
        assertEquals(
                "id,seq,ts,org,meeting,user,actor,type,topic,outcome,layer,detail,prev,meetingPrev,hash,text", rows[0]);
        assertEquals(3, rows.length, csv.body());
        assertTrue(rows[1].split(",")[1].equals("2"), rows[1]);

        var trail =
                api.get("/api/audit/export?fromSeq=" + (events + 1), auditor).body();
        assertTrue(trail.contains("\"type\":\"export\""), "an export is itself an audit event: " + trail);
    }

    @Test
    void a_time_range_is_widened_to_a_contiguous_seq_span() throws Exception {
        String from = java.time.Instant.now().minusSeconds(1).toString();
        meetingOfSe();
        var export = api.get("/api/audit/export?from=" + from, api.login("audit@acme.test"));
        assertEquals(200, export.status());
        ChainVerdict v = offline(export.body(), null);
        assertTrue(v.ok(), v + "\n" + export.body());
        assertTrue(v.events() >= 2);
        assertEquals(
                400,
                api.get("/api/audit/export?from=yesterday", api.login("audit@acme.test"))
                        .status());
        assertEquals(
                400,
                api.get("/api/audit/export?format=xml", api.login("audit@acme.test"))
                        .status());
    }

    @Test
    void participants_export_only_their_meetings_and_other_orgs_see_nothing() throws Exception {
        String m = meetingOfSe();
        String se = api.login("se@acme.test");
        var own = api.get("/api/audit/export?meeting=" + m, se);
        assertEquals(200, own.status());
        ChainVerdict v = offline(own.body(), null);
        assertTrue(v.ok(), v.toString());
        assertEquals("meetingPrev", v.by());
        assertTrue(v.events() >= 2);

        var verified = api.get("/api/audit/verify?meeting=" + m, se);
        assertEquals(200, verified.status(), verified.body());
        assertTrue(verified.json().get("ok").asBoolean(), verified.body());
        assertEquals(
                404,
                api.get("/api/audit/verify?meeting=" + m, api.login("jae@acme.test"))
                        .status());

        assertEquals(403, api.get("/api/audit/export", se).status());
        assertEquals(403, api.get("/api/audit/verify", se).status());
        assertEquals(
                404,
                api.get("/api/audit/export?meeting=" + m, api.login("jae@acme.test"))
                        .status());
        String globex = api.login("admin@globex.test");
        assertEquals(404, api.get("/api/audit/export?meeting=" + m, globex).status());
        var globexTrail = api.get("/api/audit/export", globex);
        assertEquals(200, globexTrail.status());
        assertTrue(!globexTrail.body().contains("acme"), "no event of acme in globex's export");
        assertEquals(
                200,
                api.get("/api/audit/export?meeting=" + m, api.login("admin@acme.test"))
                        .status());
    }

    @Test
    void a_participant_reads_the_texts_of_their_own_events_only_and_the_chain_still_verifies() throws Exception {
        String m = "m" + System.nanoTime();
        String se = api.login("se@acme.test");
        String ae = api.login("ae@acme.test");
        String mine = "Could you share how the onboarding for our analysts would look?";
        String theirs = "Our CFO asked whether the enterprise plan is cheaper per seat at three hundred seats.";
        try (var a = WsClient.connect(ws, m, se);
                var b = WsClient.connect(ws, m, ae)) {
            a.awaitType("state");
            b.awaitType("state");
            a.chunk(1, mine);
            a.awaitType("decision", 1);
            b.chunk(1, theirs);
            b.awaitType("decision", 1);
        }
        java.util.function.BiFunction<String, String, JsonNode> chunkOf = (token, user) -> {
            for (JsonNode e : api.get("/api/meetings/" + m + "/audit", token).json()) {
                if (e.get("type").asText().equals("chunk")
                        && e.get("user").asText().equals(user)) {
                    return e;
                }
            }
            throw new AssertionError("no chunk of " + user);
        };
        JsonNode own = chunkOf.apply(se, "se@acme.test");
        assertEquals(mine, own.path("reveal").path("text").asText(), own.toString());
        assertFalse(own.path("detail").has("text"), "the text is not in the hashed part");
        assertEquals(64, own.path("detail").path("textDigest").asText().length());
        JsonNode other = chunkOf.apply(se, "ae@acme.test");
        assertFalse(other.has("reveal"), "another participant's text stays hidden: " + other);
        assertEquals(64, other.path("detail").path("textDigest").asText().length());
        String admin = api.login("admin@acme.test");
        assertEquals(
                theirs,
                chunkOf.apply(admin, "ae@acme.test").path("reveal").path("text").asText());
        assertEquals(
                theirs,
                chunkOf.apply(api.login("audit@acme.test"), "ae@acme.test")
                        .path("reveal")
                        .path("text")
                        .asText());

        var export = api.get("/api/audit/export?meeting=" + m, se);
        assertEquals(200, export.status());
        assertTrue(export.body().contains(mine) && !export.body().contains(theirs), export.body());
        ChainVerdict v = offline(export.body(), null);
        assertTrue(v.ok(), "a participant's export verifies without the others' texts: " + v);
        assertTrue(api.get("/api/audit/export?meeting=" + m, admin).body().contains(theirs));

        String url = api.post("/api/audit/share", se, "{\"meetingId\":\"" + m + "\"}")
                .json()
                .get("url")
                .asText();
        String page = api.get(url, null).body();
        assertTrue(page.contains("onboarding for our analysts"), "the creator's own text");
        assertFalse(page.contains("three hundred seats"), "a participant's link hides the others' texts");
        String shared = api.get(url + "/export.jsonl", null).body();
        assertFalse(shared.contains(theirs));
        assertTrue(offline(shared, null).ok());
        String adminUrl = api.post("/api/audit/share", admin, "{\"meetingId\":\"" + m + "\"}")
                .json()
                .get("url")
                .asText();
        assertTrue(api.get(adminUrl, null).body().contains("three hundred seats"), "the admin's link shows all");
    }

    @Test
    void a_share_link_shows_the_escaped_timeline_and_a_verifiable_export() throws Exception {
        String m = "m" + System.nanoTime();
        String se = api.login("se@acme.test");
        try (var c = WsClient.connect(ws, m, se)) {
            c.awaitType("state");
            c.chunk(1, "<script>alert('x')</script> & how much does the enterprise plan cost?");
            c.awaitType("decision", 1);
        }
        var created = api.post("/api/audit/share", se, "{\"meetingId\":\"" + m + "\",\"ttlMinutes\":30}");
        assertEquals(200, created.status(), created.body());
        String url = created.json().get("url").asText();
        assertTrue(url.matches("/share/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), url);

        var page = api.get(url, null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; how much"), page.body());
        assertTrue(!page.body().contains("<script"), "no markup from the transcript, and no scripts at all");
        assertTrue(page.body().contains("fga") && page.body().contains("DENY"), "decision and deciding layer");
        assertTrue(page.body().contains(url + "/export.jsonl"));

        var export = api.get(url + "/export.jsonl", null);
        assertEquals(200, export.status());
        ChainVerdict v = offline(export.body(), null);
        assertTrue(v.ok(), v.toString());
        assertEquals("meetingPrev", v.by());
        assertTrue(export.body().contains("\"type\":\"share_created\""), "creating a share is audited");
        assertTrue(export.body().contains("\"type\":\"share_opened\""), "opening a share is audited");
    }

    @Test
    void share_links_are_listed_and_revoked_by_their_creator_or_the_admin_and_openings_are_audited_once_a_minute() {
        String m = meetingOfSe();
        String se = api.login("se@acme.test");
        String admin = api.login("admin@acme.test");
        String body = "{\"meetingId\":\"" + m + "\"}";
        var first = api.post("/api/audit/share", se, body).json();
        var second = api.post("/api/audit/share", se, body).json();
        String firstId = first.get("shareId").asText();
        String secondId = second.get("shareId").asText();
        assertTrue(firstId.startsWith("sh_"), first.toString());

        var listed = api.get("/api/audit/shares", se).json();
        assertEquals(secondId, listed.get(0).get("shareId").asText(), "newest first");
        assertEquals(firstId, listed.get(1).get("shareId").asText());
        assertTrue(listed.get(0).get("active").asBoolean());
        assertEquals(m, listed.get(0).get("meetingId").asText());
        assertEquals(
                0,
                api.get("/api/audit/shares", api.login("ae@acme.test")).json().size(),
                "only one's own");
        assertTrue(api.get("/api/audit/shares", admin).json().toString().contains(firstId), "the admin sees all");

        String url = first.get("url").asText();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get(url, null).status());
        }
        var events = api.get("/api/meetings/" + m + "/audit", se).json();
        long openings = 0;
        for (var e : events) {
            if (e.get("type").asText().equals("share_opened")
                    && e.path("detail").path("shareId").asText().equals(firstId)) {
                openings++;
            }
        }
        assertEquals(1, openings, "three openings within a minute are one share_opened event");

        assertEquals(
                404,
                api.delete("/api/audit/share/" + firstId, api.login("ae@acme.test"))
                        .status());
        assertEquals(
                404,
                api.delete("/api/audit/share/" + firstId, api.login("admin@globex.test"))
                        .status());
        assertEquals(204, api.delete("/api/audit/share/" + firstId, se).status());
        assertEquals(409, api.delete("/api/audit/share/" + firstId, se).status(), "revoked already");
        assertEquals(410, api.get(url, null).status(), "a revoked link is gone");
        assertEquals(410, api.get(url + "/export.jsonl", null).status());
        assertEquals(204, api.delete("/api/audit/share/" + secondId, admin).status(), "the admin revokes any");
        assertEquals(410, api.get(second.get("url").asText(), null).status());
        assertTrue(api.get("/api/meetings/" + m + "/audit", se).body().contains("\"type\":\"share_revoked\""));
        var after = api.get("/api/audit/shares", se).json();
        assertTrue(after.get(0).get("revoked").asBoolean()
                && !after.get(0).get("active").asBoolean());
    }

    @Test
    void share_links_are_for_readers_of_the_meeting_and_refuse_forgery_and_expiry() throws Exception {
        String m = meetingOfSe();
        String body = "{\"meetingId\":\"" + m + "\"}";
        assertEquals(401, api.post("/api/audit/share", null, body).status());
        assertEquals(
                404,
                api.post("/api/audit/share", api.login("jae@acme.test"), body).status());
        assertEquals(
                404,
                api.post("/api/audit/share", api.login("admin@globex.test"), body)
                        .status());
        assertEquals(
                200,
                api.post("/api/audit/share", api.login("audit@acme.test"), body).status());
        String se = api.login("se@acme.test");
        assertEquals(
                400,
                api.post("/api/audit/share", se, "{\"meetingId\":\"" + m + "\",\"ttlMinutes\":10081}")
                        .status());
        assertEquals(
                400,
                api.post("/api/audit/share", se, "{\"meetingId\":\"" + m + "\",\"ttlMinutes\":0}")
                        .status());
        var ok = api.post("/api/audit/share", se, body);
        assertEquals(200, ok.status());
        var expiresAt = java.time.Instant.parse(ok.json().get("expiresAt").asText());
        assertTrue(expiresAt.isAfter(java.time.Instant.now().plusSeconds(59 * 60)), "default lifetime 60 minutes");

        String url = ok.json().get("url").asText();
        String forged = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");
        assertEquals(403, api.get(forged, null).status());
        assertEquals(403, api.get(forged + "/export.jsonl", null).status());
        assertEquals(403, api.get("/share/garbage", null).status());
        String otherMeeting = url.replace("/share/", "");
        String payload = otherMeeting.substring(0, otherMeeting.indexOf('.'));
        assertEquals(
                403,
                api.get("/share/" + payload + "x." + otherMeeting.substring(payload.length() + 1), null)
                        .status());

        var tokens = new app.proxyme.engine.audit.seal.ShareTokens(
                TestServer.serverKeys("share", app.proxyme.engine.keys.KeyRing.Kind.HMAC), java.time.Clock.systemUTC());
        String expired = tokens.issue(new app.proxyme.domain.audit.ShareGrant(
                "acme", m, java.time.Instant.now().minusSeconds(5), "sh_old"));
        assertEquals(410, api.get("/share/" + expired, null).status());
        assertEquals(410, api.get("/share/" + expired + "/export.jsonl", null).status());
    }
}
