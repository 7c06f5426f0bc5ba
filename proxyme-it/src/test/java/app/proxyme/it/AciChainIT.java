package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.aci.client.SigningAgent;
import app.proxyme.it.aci.GatewayHttp;
import app.proxyme.it.aci.RemoteAgent;
import app.proxyme.web.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole ACI chains over HTTP (ACI.md) with external agents written here: each registers with its own public key,
 * takes a token with its client credentials, long-polls its inbox, and signs its hand-offs (JWS, detached payload,
 * RFC 8785). The user grants, consents (allow, allow once, deny) and revokes through the REST API; the red line is
 * judged by the real local classifier, PII by the gateway's own detectors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@SuppressWarnings("unchecked")
class AciChainIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "ae@acme.test";

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe();
    }

    @ArquillianResource
    URL base;

    private Api api;
    private String admin;
    private String user;
    private RemoteAgent automotive;
    private RemoteAgent finance;
    private RemoteAgent reasoner;

    @BeforeEach
    void agents() {
        api = new Api(base.toString().replaceAll("/$", ""));
        admin = api.login("admin@acme.test");
        user = api.login(USER);
        automotive = agent("automotive", List.of("agent:automotive", "read:profile"));
        finance = agent("finance", List.of("agent:finance", "read:investment_goals"));
        reasoner = agent("reasoner", List.of("agent:reasoner"));
        grant(automotive, "agent:automotive", "read:profile");
    }

    /** An agent on the other side of HTTP, registered by the admin: its key, its token, its inbox. */
    private RemoteAgent agent(String domain, List<String> ceiling) {
        String id = domain.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return RemoteAgent.register(new GatewayHttp(base.toString()), admin, id, "Agent " + domain, domain, ceiling);
    }

    private void grant(RemoteAgent agent, String... permissions) {
        var r = api.put(
                "/api/aci/grants/" + agent.id(),
                user,
                "application/json",
                json(Map.of("permissions", List.of(permissions))));
        assertEquals(200, r.status(), r.body());
    }

    /** The user starts a chain to automotive; returns what automotive's inbox gives. */
    private Map<String, Object> startAtAutomotive(List<String> redlines) {
        var started = api.post(
                "/api/aci/chains",
                user,
                json(Map.of(
                        "to",
                        automotive.id(),
                        "permissions",
                        List.of("agent:automotive", "read:profile"),
                        "reason",
                        "Compare the car with an index fund",
                        "content",
                        Map.of(
                                "primary",
                                "Is a Model 3 a good buy for me?",
                                "context",
                                "User owns a Tesla Model 3",
                                "confidence",
                                0.9),
                        "resonance",
                        Map.of("tone", "casual-technical", "expertise", "intermediate", "density", 0.65),
                        "redlines",
                        redlines,
                        "maxDepth",
                        3)));
        assertEquals(201, started.status(), started.body());
        assertEquals("DELIVERED", started.json().get("status").asText(), started.body());
        return automotive.receive(5);
    }

    private JsonNode consent(GatewayHttp.Reply pending, String decision) {
        assertEquals(202, pending.status(), pending.body());
        assertEquals("PENDING_CONSENT", pending.json().get("status").asText(), pending.body());
        String consentId = pending.json().get("consentId").asText();
        var listed = api.get("/api/aci/consents?status=PENDING", user);
        assertTrue(listed.body().contains(consentId), listed.body());
        var decided = api.post("/api/aci/consents/" + consentId, user, json(Map.of("decision", decision)));
        assertEquals(200, decided.status(), decided.body());
        return decided.json();
    }

    @Test
    void a_whole_chain_with_allow_and_allow_once_ends_in_a_timeline_of_every_check() {
        Map<String, Object> atAutomotive = startAtAutomotive(List.of());

        var toFinance = automotive.handOff(automotive.next(
                atAutomotive,
                finance,
                List.of("agent:finance", "read:investment_goals"),
                "EVs hit max torque from 0 rpm"));
        String consentList = api.get("/api/aci/consents?status=PENDING", user).body();
        assertTrue(consentList.contains("View your investment goals"), consentList);
        assertTrue(consentList.contains("Agent finance"), consentList);
        assertEquals(
                "DELIVERED", consent(toFinance, "ALLOW").get("handoffStatus").asText());
        Map<String, Object> atFinance = finance.receive(5);
        var toReasoner = finance.handOff(finance.next(
                atFinance, reasoner, List.of("agent:reasoner"), "An index fund returns 7% a year on average"));
        assertEquals(
                "DELIVERED",
                consent(toReasoner, "ALLOW_ONCE").get("handoffStatus").asText());
        reasoner.receive(5);

        String chainId = (String) atAutomotive.get("chainId");
        var timeline = api.get("/api/aci/chains/" + chainId, user);
        assertEquals(200, timeline.status(), timeline.body());
        JsonNode hops = timeline.json().get("hops");
        assertEquals(3, hops.size(), timeline.body());
        assertEquals(11, hops.get(0).get("checks").size(), timeline.body());
        // a consented hop shows the permissions check waiting, the checks run again after the consent, then passing
        JsonNode consented = hops.get(2).get("checks");
        boolean waited = false;
        for (JsonNode c : consented) {
            waited |= c.get("check").asText().equals("permissions")
                    && !c.get("ok").asBoolean();
        }
        assertTrue(waited, consented.toString());
        JsonNode last = consented.get(consented.size() - 1);
        assertEquals("anomaly", last.get("check").asText(), consented.toString());
        assertTrue(last.get("ok").asBoolean(), consented.toString());
        assertEquals(3, timeline.json().get("summary").get("hops").asInt());
        assertTrue(timeline.json().get("summary").get("accessed").toString().contains("read:investment_goals"));
        // the handoff's own status, for the agent that sent it
        String handoffId = toFinance.json().get("handoffId").asText();
        assertEquals(
                "DELIVERED",
                api.get("/api/aci/handoffs/" + handoffId, automotive.token())
                        .json()
                        .get("status")
                        .asText());
        // the auditor sees the chain too, another user does not
        assertEquals(
                200,
                api.get("/api/aci/chains/" + chainId, api.login("audit@acme.test"))
                        .status());
        assertEquals(
                404,
                api.get("/api/aci/chains/" + chainId, api.login("jae@acme.test"))
                        .status());
    }

    @Test
    void deny_refuses_the_hop_and_asking_again_in_the_chain_is_refused_at_once() {
        Map<String, Object> atAutomotive = startAtAutomotive(List.of());

        var asked = automotive.handOff(automotive.next(atAutomotive, finance, List.of("agent:finance"), "EVs"));
        assertEquals("REFUSED", consent(asked, "DENY").get("handoffStatus").asText());

        var again = automotive.handOff(automotive.next(atAutomotive, finance, List.of("agent:finance"), "EVs again"));
        assertEquals(403, again.status(), again.body());
        assertEquals("insufficient_permissions", again.json().get("error").asText());
        assertEquals("[\"agent:finance\"]", again.json().get("missing").toString());
    }

    @Test
    void revoking_the_chain_mid_way_refuses_the_next_hop_and_the_kill_switch_the_agent() {
        Map<String, Object> atAutomotive = startAtAutomotive(List.of());
        grant(finance, "agent:finance");

        var revoked = api.post("/api/aci/chains/" + atAutomotive.get("chainId") + "/revoke", user, "{}");
        assertEquals(200, revoked.status(), revoked.body());
        var next = automotive.handOff(automotive.next(atAutomotive, finance, List.of("agent:finance"), "EVs"));
        assertEquals(403, next.status(), next.body());
        assertEquals("revoked", next.json().get("error").asText());

        Map<String, Object> fresh = startAtAutomotive(List.of());
        assertEquals(204, api.delete("/api/aci/grants/" + finance.id(), user).status());
        var stopped = automotive.handOff(automotive.next(fresh, finance, List.of("agent:finance"), "EVs"));
        assertEquals(403, stopped.status(), stopped.body());
        assertEquals("revoked", stopped.json().get("error").asText());
    }

    @Test
    void replay_forgery_loop_depth_and_escalation_are_refused_with_their_codes() {
        Map<String, Object> atAutomotive = startAtAutomotive(List.of());
        grant(finance, "agent:finance");
        String body = automotive.next(atAutomotive, finance, List.of("agent:finance"), "EVs");
        assertEquals(202, automotive.handOff(body).status());

        assertError(automotive.handOff(body), 409, "replay");
        var env = automotive.keys().next(atAutomotive, finance.id(), List.of("agent:finance"), "EVs", Instant.now());
        assertError(automotive.handOff(automotive.keys().forged(env)), 401, "invalid_signature");
        assertError(finance.handOff(automotive.keys().signed(env)), 401, "invalid_agent_token");
        var loop = automotive.keys().next(atAutomotive, "proxyme", List.of(), "back", Instant.now());
        assertError(automotive.handOff(automotive.keys().signed(loop)), 422, "loop_detected");
        var deep = automotive.keys().next(atAutomotive, finance.id(), List.of("agent:finance"), "EVs", Instant.now());
        ((Map<String, Object>) deep.get("auth")).put("maxDepth", 1);
        assertError(automotive.handOff(automotive.keys().signed(deep)), 422, "chain_too_deep");
        var escalation =
                automotive.handOff(automotive.next(atAutomotive, finance, List.of("agent:finance", "read:pii"), "EVs"));
        assertError(escalation, 403, "escalation");
        assertEquals("[\"read:pii\"]", escalation.json().get("missing").toString());
        assertError(automotive.handOff("{\"aci\":\"1.0\"}"), 422, "invalid_envelope");
    }

    @Test
    void a_red_line_is_judged_by_the_local_classifier_and_pii_is_redacted_for_a_receiver_without_read_pii() {
        Map<String, Object> atAutomotive = startAtAutomotive(List.of("no-pricing"));
        grant(finance, "agent:finance");

        var pricing = automotive.handOff(automotive.next(
                atAutomotive,
                finance,
                List.of("agent:finance"),
                "We can offer you a 30% discount on the list price if you sign the annual contract this week."));
        assertError(pricing, 403, "redline");
        assertEquals("no-pricing", pricing.json().get("redline").asText());

        var pii = automotive.handOff(automotive.next(
                atAutomotive,
                finance,
                List.of("agent:finance"),
                "The owner is reachable at ana.lopez@example.com or +1 650-253-0000."));
        assertEquals(202, pii.status(), pii.body());
        Map<String, Object> atFinance = finance.receive(5);
        String primary = (String) ((Map<?, ?>) atFinance.get("content")).get("primary");
        assertEquals("The owner is reachable at [EMAIL] or [PHONE].", primary);
        assertFalse(primary.contains("example.com"));
    }

    @Test
    void registration_and_tokens_refuse_what_acis_contract_refuses() {
        var undefined = api.post(
                "/api/aci/agents",
                admin,
                json(Map.of(
                        "id",
                        "rogue-" + UUID.randomUUID().toString().substring(0, 6),
                        "name",
                        "Rogue",
                        "domain",
                        "x",
                        "ceiling",
                        List.of("launch:missiles"),
                        "jwk",
                        SigningAgent.parse(new SigningAgent("x1").publicJwk()))));
        assertEquals(400, undefined.status(), undefined.body());
        Map<String, Object> withPrivatePart = SigningAgent.parse(new SigningAgent("x2").publicJwk());
        withPrivatePart.put("d", "A".repeat(43));
        for (Object jwk : List.of(withPrivatePart, Map.of("kty", "RSA", "n", "AQAB", "e", "AQAB"))) {
            var refused = api.post(
                    "/api/aci/agents",
                    admin,
                    json(Map.of("id", "keyed-x", "name", "Keyed", "domain", "x", "ceiling", List.of(), "jwk", jwk)));
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.json().get("message").asText().startsWith("jwk "), refused.body());
        }
        assertEquals(403, api.post("/api/aci/agents", user, "{}").status());
        var wrong = api.post(
                "/api/aci/token",
                null,
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=ac_nobody&client_secret=nope");
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals(401, api.get("/api/aci/inbox", "not-a-token").status());
    }

    private static void assertError(GatewayHttp.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().get("error").asText(), reply.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
