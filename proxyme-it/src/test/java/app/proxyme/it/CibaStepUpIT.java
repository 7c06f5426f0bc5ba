package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.CibaStub;
import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Step-up approval through Auth0 CIBA with the real {@code proxyme.jar} ({@code PROXYME_APPROVAL=auth0-ciba}), a local
 * stub of {@code /bc-authorize} and {@code /oauth/token}, and the JDK's WebSocket client as the overlay: a held answer is
 * pushed, the user's "yes" on the phone reaches the overlay as {@code APPROVED}; when Auth0 refuses the push, the
 * answer stays held in the overlay — never {@code AUTO} — and the overlay is told why.
 */
@Timeout(180)
class CibaStepUpIT {
    private static final String HELD = "Can you give us a price for two hundred seats on the enterprise plan?";

    @Test
    void a_push_answered_yes_approves_and_a_refused_push_stays_held_in_the_overlay() throws Exception {
        try (var auth0 = new CibaStub()) {
            auth0.starting(300, 1).decideAfter(1, r -> true);
            try (var server = ProxymeProcess.start(
                    "ciba",
                    Files.createTempDirectory("proxyme-ciba"),
                    ProxymeProcess.freePort(),
                    Map.of(
                            "PROXYME_APPROVAL",
                            "auth0-ciba",
                            "PROXYME_AUTH0_DOMAIN",
                            auth0.domain(),
                            "PROXYME_AUTH0_CLIENT_ID",
                            CibaStub.CLIENT_ID,
                            "PROXYME_AUTH0_CLIENT_SECRET",
                            CibaStub.CLIENT_SECRET))) {
                Api api = server.awaitUp();
                try (var overlay = WsClient.connect(server.ws(), "ciba-it", api.login("ae@acme.test"))) {
                    overlay.awaitType("state");
                    overlay.chunk(1, HELD);
                    assertEquals(
                            "APPROVE",
                            overlay.awaitType("decision", 1).get("outcome").asText());
                    String id =
                            overlay.awaitType("suggestion", 1).get("approvalId").asText();
                    JsonNode pushed = overlay.await(
                            "approval pushed",
                            m -> isApproval(m, id)
                                    && "push".equals(m.path("channel").asText()));
                    assertEquals("PENDING", pushed.get("status").asText());
                    JsonNode approved = overlay.await(
                            "approval APPROVED",
                            m -> isApproval(m, id)
                                    && "APPROVED".equals(m.path("status").asText()));
                    assertEquals("ae@acme.test", approved.get("decidedBy").asText());
                    var form = auth0.received("/bc-authorize").getFirst().form();
                    assertTrue(form.get("login_hint").contains("auth0|ae@acme.test"), form.toString());
                    assertTrue(form.get("binding_message").matches("[A-Za-z0-9+\\-_.,:#]{1,64}"));

                    auth0.authorizeAnswers(CibaStub.Answer.error(400, "invalid_request"));
                    overlay.chunk(2, HELD.replace("two hundred", "three hundred"));
                    JsonNode second = overlay.awaitType("suggestion", 2);
                    assertEquals("PENDING_APPROVAL", second.get("status").asText(), "held, never AUTO");
                    String id2 = second.get("approvalId").asText();
                    JsonNode kept = overlay.await(
                            "approval kept in the overlay",
                            m -> isApproval(m, id2)
                                    && "overlay".equals(m.path("channel").asText()));
                    assertEquals("PENDING", kept.get("status").asText());
                    assertFalse(kept.path("note").asText().isBlank(), "the overlay is told why: " + kept);
                    var pending = api.get("/api/approvals?status=PENDING", api.login("ae@acme.test"));
                    assertTrue(pending.body().contains(id2), "it waits for a decision in the overlay");
                }
                assertFalse(Files.readString(server.log()).contains(CibaStub.CLIENT_SECRET), "no secret in the log");
            }
        }
    }

    private static boolean isApproval(JsonNode m, String approvalId) {
        return "approval".equals(m.path("type").asText())
                && approvalId.equals(m.path("approvalId").asText());
    }
}
