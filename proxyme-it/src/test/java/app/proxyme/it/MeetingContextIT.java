package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
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
 * Conditional permissions end to end (issue 17), with the real local adapters, the JDK's WebSocket client and plain
 * HTTP: acme's account executives answer pricing on their own for deals under 50,000 ({@code auto_when}); the
 * meeting's {@code deal_size} comes from a {@code context} message, is audited ({@code context_set}) before it takes
 * effect and comes back in {@code state}; a value that is missing means the listed effect (APPROVE), a value of the
 * wrong type or an undeclared name is a {@code bad_request} naming the field.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetingContextIT {
    static final String PRICING = "What price can you give us for 200 seats on the annual plan?";

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe();
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

    @Test
    void a_small_deal_lets_the_account_executive_answer_pricing_on_their_own() {
        String token = api.login("ae@acme.test");
        try (var c = join("ctx-small", token)) {
            setContext(c, "{\"deal_size\":30000}");
            c.chunk(1, PRICING);

            JsonNode d = c.awaitType("decision", 1);
            assertEquals("AUTO", d.get("outcome").asText(), d.toString());
            assertEquals("pricing", d.get("topic").asText());
            JsonNode condition = fgaLine(d).get("condition");
            assertEquals("deal_size < 50000", condition.get("expression").asText());
            assertEquals(30000, condition.get("values").get("deal_size").asInt());
            assertTrue(condition.get("holds").asBoolean());
            assertEquals("AUTO", c.awaitType("suggestion", 1).get("status").asText());
        }
        List<String> types = new ArrayList<>();
        api.get("/api/meetings/ctx-small/audit", token)
                .json()
                .forEach(e -> types.add(e.get("type").asText()));
        assertTrue(types.contains("context_set"), types.toString());
        assertTrue(types.indexOf("context_set") < types.indexOf("decision"), "recorded before it took effect");
    }

    @Test
    void a_large_deal_is_held_for_approval_and_the_flow_ticker_shows_the_condition() {
        try (var c = join("ctx-large", api.login("ae@acme.test"))) {
            setContext(c, "{\"deal_size\":80000,\"customer_region\":\"EU\"}");
            c.chunk(1, PRICING);

            JsonNode flow = c.await(
                    "fga flow",
                    m -> m.path("type").asText().equals("flow")
                            && m.path("step").asText().equals("fga")
                            && m.path("seq").asLong() == 1);
            JsonNode d = c.awaitType("decision", 1);
            assertEquals("APPROVE", d.get("outcome").asText(), d.toString());
            JsonNode condition = flow.get("detail").get("conditions").get("pricing");
            assertFalse(condition.get("holds").asBoolean(), flow.toString());
            assertEquals(80000, condition.get("values").get("deal_size").asInt());
        }
    }

    @Test
    void without_a_deal_size_the_listed_effect_holds_and_the_reason_names_the_missing_value() {
        try (var c = join("ctx-missing", api.login("ae@acme.test"))) {
            c.chunk(1, PRICING);

            JsonNode d = c.awaitType("decision", 1);
            assertEquals("APPROVE", d.get("outcome").asText(), d.toString());
            assertTrue(d.get("reason").asText().contains("deal_size is missing"), d.toString());
            assertEquals(
                    "deal_size",
                    fgaLine(d).get("condition").get("missing").get(0).asText());
        }
    }

    @Test
    void a_wrong_type_or_an_undeclared_name_is_a_bad_request_naming_the_field_and_changes_nothing() {
        try (var c = join("ctx-bad", api.login("ae@acme.test"))) {
            setContext(c, "{\"deal_size\":30000}");

            c.send("{\"type\":\"context\",\"values\":{\"deal_size\":\"ten\"}}");
            JsonNode wrong = c.awaitType("error");
            c.send("{\"type\":\"context\",\"values\":{\"discount\":10}}");
            JsonNode undeclared = c.awaitType("error");
            c.chunk(1, PRICING);

            assertEquals("bad_request", wrong.get("code").asText());
            assertTrue(wrong.get("message").asText().contains("'values.deal_size' must be an int"), wrong.toString());
            assertEquals("bad_request", undeclared.get("code").asText());
            assertTrue(undeclared.get("message").asText().contains("'values.discount'"), undeclared.toString());
            assertEquals("AUTO", c.awaitType("decision", 1).get("outcome").asText(), "the earlier value stands");
        }
    }

    @Test
    void the_values_come_back_in_state_after_a_reconnect_and_null_clears_one() {
        String token = api.login("ae@acme.test");
        try (var c = join("ctx-state", token)) {
            setContext(c, "{\"deal_size\":30000,\"customer_tier\":\"gold\"}");
        }
        try (var c = WsClient.connect(ws, "ctx-state", token)) {
            JsonNode context = c.awaitType("state").get("context");
            assertEquals(30000, context.get("values").get("deal_size").asInt(), context.toString());
            assertEquals("gold", context.get("values").get("customer_tier").asText());
            assertEquals("int", context.get("declared").get("deal_size").asText());

            JsonNode cleared = setContext(c, "{\"deal_size\":null}");
            assertFalse(cleared.get("values").has("deal_size"), cleared.toString());
        }
    }

    @Test
    void the_dry_run_takes_a_context_and_shows_the_condition() {
        String token = api.login("ae@acme.test");

        JsonNode small = evaluate(token, "{\"deal_size\":30000}").json();
        JsonNode large = evaluate(token, "{\"deal_size\":80000}").json();
        JsonNode none = evaluate(token, null).json();
        Api.Reply wrong = evaluate(token, "{\"deal_size\":\"ten\"}");

        assertEquals("AUTO", small.get("outcome").asText(), small.toString());
        assertEquals(
                30000,
                fgaLine(small).get("condition").get("values").get("deal_size").asInt());
        assertEquals("APPROVE", large.get("outcome").asText(), large.toString());
        assertEquals("APPROVE", none.get("outcome").asText(), none.toString());
        assertTrue(none.get("reason").asText().contains("deal_size is missing"), none.toString());
        assertEquals(400, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("context.deal_size"), wrong.body());
    }

    private Api.Reply evaluate(String token, String context) {
        return api.post(
                "/api/policy/evaluate",
                token,
                "{\"text\":\"" + PRICING + "\"" + (context == null ? "" : ",\"context\":" + context) + "}");
    }

    private WsClient join(String meeting, String token) {
        var c = WsClient.connect(ws, meeting, token);
        c.awaitType("state");
        return c;
    }

    private static JsonNode setContext(WsClient c, String values) {
        c.send("{\"type\":\"context\",\"values\":" + values + "}");
        return c.awaitType("context");
    }

    private static JsonNode fgaLine(JsonNode decision) {
        for (JsonNode line : decision.get("trace")) {
            if (line.path("layer").asText().equals("fga") && line.has("condition")) {
                return line;
            }
        }
        throw new AssertionError("no fga line with a condition: " + decision);
    }
}
