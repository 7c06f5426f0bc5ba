package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages through connected accounts, embedded (the outbox stands in for the third party), over plain HTTP: the role
 * check decides first, the message is audited with its text committed by digest, and the user reads their outbox.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
class ConnectionApiTest {
    static {
        TestServer.useFreshDataDir("proxyme-connection-test");
    }

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + TestServer.port());
    }

    private static String message(String topic, String text) {
        return "{\"channel\":\"#deal-room\",\"topic\":\"" + topic + "\",\"text\":\"" + text
                + "\",\"meetingId\":\"m-follow-up\"}";
    }

    @Test
    void a_follow_up_goes_to_the_outbox_is_audited_and_listed_for_its_sender_only() {
        String ae = api.login("ae@acme.test");
        var sent =
                api.post("/api/connections/slack/messages", ae, message("pricing", "Recap: 200 seats, quote follows."));
        assertEquals(201, sent.status(), sent.body());
        assertEquals("outbox", sent.json().get("deliveredTo").asText());
        String id = sent.json().get("id").asText();

        var mine = api.get("/api/connections/messages", ae);
        assertEquals(200, mine.status());
        assertEquals(id, mine.json().get(0).get("id").asText());
        assertEquals(
                "Recap: 200 seats, quote follows.",
                mine.json().get(0).get("text").asText());
        assertEquals(
                0,
                api.get("/api/connections/messages", api.login("se@acme.test"))
                        .json()
                        .size(),
                "others' outbox");

        String export =
                api.get("/api/audit/export", api.login("admin@acme.test")).body();
        assertTrue(export.contains("\"type\":\"message_sent\"") && export.contains(id), export);
        assertTrue(export.contains("\"textDigest\""), "the text is committed by digest");
    }

    @Test
    void a_role_that_may_not_answer_the_topic_sends_nothing() {
        String jae = api.login("jae@acme.test");
        var refused = api.post("/api/connections/slack/messages", jae, message("pricing", "We can do 30% off."));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("forbidden_scope", refused.json().get("error").asText());
        assertEquals(0, api.get("/api/connections/messages", jae).json().size());
        assertFalse(api.get("/api/audit/export", api.login("admin@acme.test"))
                .body()
                .contains("30% off"));
    }

    @Test
    void bad_requests_are_named_and_a_token_is_needed() {
        String ae = api.login("ae@acme.test");
        assertEquals(
                400,
                api.post("/api/connections/Slack!/messages", ae, message("product", "x"))
                        .status());
        assertEquals(
                400,
                api.post("/api/connections/slack/messages", ae, "{\"channel\":\"C1\",\"topic\":\"product\"}")
                        .status());
        assertEquals(
                400, api.post("/api/connections/slack/messages", ae, "not json").status());
        assertEquals(
                401,
                api.post("/api/connections/slack/messages", null, message("product", "x"))
                        .status());
        assertEquals(401, api.get("/api/connections/messages", null).status());
    }
}
