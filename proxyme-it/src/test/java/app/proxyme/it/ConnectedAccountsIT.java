package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.OidcStub;
import app.proxyme.engine.testsupport.ScriptedHttp;
import app.proxyme.engine.testsupport.ScriptedHttp.Reply;
import app.proxyme.web.Api;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A follow-up on Slack through Auth0 Token Vault, with the real {@code proxyme.jar} ({@code PROXYME_IDENTITY=auth0},
 * {@code PROXYME_VAULT=auth0}) and local stubs of the tenant and of Slack's Web API, driven over plain HTTP: the
 * user's own sign-in is exchanged for their Slack token, which posts as them; an account not linked is told to connect
 * Slack first; a role that may not answer the topic gets no token at all; the client secret is never logged.
 */
@Timeout(180)
class ConnectedAccountsIT {
    private static final String SECRET = "vault-client-secret-do-not-log";

    @Test
    void a_follow_up_is_posted_to_slack_with_the_users_own_token_from_the_vault() throws Exception {
        try (var tenant = new OidcStub();
                var slack = new ScriptedHttp()) {
            tenant.vaultClient("proxyme-server", SECRET);
            tenant.link("auth0|ae@acme.test", "slack");
            slack.on("/api/chat.postMessage", r -> Reply.json(200, "{\"ok\":true,\"ts\":\"1733220000.000200\"}"));
            var dir = Files.createTempDirectory("proxyme-vault");
            try (var server = ProxymeProcess.start(
                    "vault",
                    dir,
                    ProxymeProcess.freePort(),
                    Map.of(
                            "PROXYME_IDENTITY",
                            "auth0",
                            "PROXYME_AUTH0_DOMAIN",
                            tenant.issuer(),
                            "PROXYME_AUTH0_AUDIENCE",
                            OidcStub.AUDIENCE,
                            "PROXYME_AUTH0_CLIENT_ID",
                            "proxyme-server",
                            "PROXYME_AUTH0_CLIENT_SECRET",
                            SECRET,
                            "PROXYME_VAULT",
                            "auth0",
                            "PROXYME_SLACK_API_URL",
                            slack.base() + "/api"))) {
                Api api = server.awaitUp();
                String ae = tenant.token("auth0|ae@acme.test");
                var sent = api.post(
                        "/api/connections/slack/messages",
                        ae,
                        "{\"channel\":\"C123\",\"topic\":\"product\",\"text\":\"Thanks! The export guide is attached.\"}");
                assertEquals(201, sent.status(), sent.body());
                assertEquals("slack", sent.json().get("deliveredTo").asText());
                assertEquals("1733220000.000200", sent.json().get("reference").asText());

                var exchange = tenant.tokenRequests().getLast();
                assertEquals(ae, exchange.get("subject_token"), "the user's own Auth0 access token is exchanged");
                assertEquals("slack", exchange.get("connection"));
                var posted = slack.seen("/api/chat.postMessage").getFirst();
                assertEquals("Bearer fed-slack-1", posted.header("authorization"), "posted with the Slack token");
                assertTrue(posted.body().contains("The export guide is attached."));

                String jae = tenant.token("auth0|jae@acme.test");
                var notLinked = api.post(
                        "/api/connections/slack/messages",
                        jae,
                        "{\"channel\":\"C123\",\"topic\":\"product\",\"text\":\"Hello\"}");
                assertEquals(409, notLinked.status(), notLinked.body());
                assertEquals("not_connected", notLinked.json().get("error").asText());
                assertTrue(notLinked.json().get("message").asText().startsWith("connect your Slack account first"));

                int exchanges = tenant.tokenRequests().size();
                var refused = api.post(
                        "/api/connections/slack/messages",
                        jae,
                        "{\"channel\":\"C123\",\"topic\":\"pricing\",\"text\":\"30% off\"}");
                assertEquals(403, refused.status(), refused.body());
                assertEquals(exchanges, tenant.tokenRequests().size(), "the role check decides before the vault");
                assertEquals(1, slack.seen("/api/chat.postMessage").size());

                assertFalse(Files.readString(server.log()).contains(SECRET), "the client secret is never logged");
            }
        }
    }
}
