package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One test per flow of PROTOCOL.md, against the whole server deployed by Arquillian: AUTO, APPROVE then
 * approved / denied / expired, DENY, and NONE.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DecisionFlowsIT {
    static final int DEADLINE_S = 3;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe("proxyme.approval.timeout.s=" + DEADLINE_S);
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

    private WsClient join(String meeting, String email) {
        var c = WsClient.connect(ws, meeting, api.login(email));
        c.awaitType("state");
        return c;
    }

    @Test
    void auto_answers_at_once() {
        try (var c = join("flow-auto", "se@acme.test")) {
            c.chunk(1, "Does the platform have an API for pulling reports into our BI tool?");
            JsonNode d = c.awaitType("decision", 1);
            assertEquals("AUTO", d.get("outcome").asText(), d.toString());
            assertEquals("AUTO", c.awaitType("suggestion", 1).get("status").asText());
        }
    }

    @Test
    void approve_then_approved() {
        try (var c = join("flow-approve", "jae@acme.test")) {
            String approvalId = held(c, 1, "Do you have ISO 27001 certification for the hosting?");
            c.send("{\"type\":\"approve\",\"approvalId\":\"" + approvalId + "\"}");
            assertEquals("APPROVED", approvalStatus(c, approvalId));
            assertEquals(
                    "APPROVED",
                    c.await(
                                    "suggestion APPROVED",
                                    m -> m.path("type").asText().equals("suggestion")
                                            && m.path("status").asText().equals("APPROVED"))
                            .get("status")
                            .asText());
        }
    }

    @Test
    void approve_then_denied_over_rest() {
        String token = api.login("jae@acme.test");
        try (var c = WsClient.connect(ws, "flow-deny", token)) {
            c.awaitType("state");
            String approvalId = held(c, 1, "Do you have ISO 27001 certification for the hosting?");
            assertEquals(
                    200,
                    api.post("/api/approvals/" + approvalId + "/deny", token, "")
                            .status());
            assertEquals("DENIED", approvalStatus(c, approvalId));
        }
    }

    @Test
    void approve_then_expired_after_the_deadline() {
        try (var c = join("flow-expire", "jae@acme.test")) {
            String approvalId = held(c, 1, "Do you have ISO 27001 certification for the hosting?");
            assertEquals("EXPIRED", approvalStatus(c, approvalId));
            c.send("{\"type\":\"approve\",\"approvalId\":\"" + approvalId + "\"}");
            assertEquals("conflict", c.awaitType("error").get("code").asText());
        }
    }

    @Test
    void deny_generates_nothing() {
        try (var c = join("flow-deny-topic", "jae@acme.test")) {
            c.chunk(1, "What discount could you give us on a three year contract?");
            JsonNode d = c.awaitType("decision", 1);
            assertEquals("DENY", d.get("outcome").asText(), d.toString());
            assertFalse(d.get("suggestionFollows").asBoolean());
            c.chunk(2, "How was the conference last week?");
            c.awaitType("decision", 2);
            List<JsonNode> rest = c.drain();
            assertTrue(
                    rest.stream()
                            .noneMatch(m -> m.path("type").asText().equals("suggestion")
                                    && m.path("seq").asLong() == 1),
                    "no suggestion for a refused chunk");
        }
    }

    @Test
    void a_statement_is_none() {
        try (var c = join("flow-none", "se@acme.test")) {
            c.chunk(1, "We mostly track all of this in spreadsheets today.");
            JsonNode d = c.awaitType("decision", 1);
            assertEquals("NONE", d.get("outcome").asText(), d.toString());
            assertEquals("none", d.get("layer").asText());
        }
    }

    private static String held(WsClient c, long seq, String text) {
        c.chunk(seq, text);
        JsonNode d = c.awaitType("decision", seq);
        assertEquals("APPROVE", d.get("outcome").asText(), d.toString());
        JsonNode s = c.awaitType("suggestion", seq);
        assertEquals("PENDING_APPROVAL", s.get("status").asText());
        return s.get("approvalId").asText();
    }

    private static String approvalStatus(WsClient c, String approvalId) {
        return c.await(
                        "a decided approval " + approvalId,
                        m -> m.path("type").asText().equals("approval")
                                && m.path("approvalId").asText().equals(approvalId)
                                && !m.path("status").asText().equals("PENDING"))
                .get("status")
                .asText();
    }
}
