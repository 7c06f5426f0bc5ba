package app.proxyme.it.aci;

import app.proxyme.engine.aci.client.SigningAgent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent on the other side of HTTP: registered by an organisation admin with its public key, signed in with its
 * client credentials ({@code POST /api/aci/token}), reading its inbox and handing work on with signed envelopes.
 */
public final class RemoteAgent {
    private final GatewayHttp http;
    private final SigningAgent keys;
    private final String name;
    private final String token;

    private RemoteAgent(GatewayHttp http, SigningAgent keys, String name, String token) {
        this.http = http;
        this.keys = keys;
        this.name = name;
        this.token = token;
    }

    /** Registers {@code id} as {@code adminToken}'s organisation's agent, then signs it in. */
    public static RemoteAgent register(
            GatewayHttp http, String adminToken, String id, String name, String domain, List<String> ceiling) {
        var keys = new SigningAgent(id);
        var registered = http.postJson(
                        "/api/aci/agents",
                        adminToken,
                        Map.of(
                                "id", id,
                                "name", name,
                                "domain", domain,
                                "ceiling", ceiling,
                                "jwk", SigningAgent.parse(keys.publicJwk())))
                .expect(201, "registration of agent " + id)
                .json();
        String form = "grant_type=client_credentials&client_id="
                + GatewayHttp.form(registered.get("clientId").asText()) + "&client_secret="
                + GatewayHttp.form(registered.get("clientSecret").asText());
        var issued = http.post("/api/aci/token", null, "application/x-www-form-urlencoded", form)
                .expect(200, "token of agent " + id)
                .json();
        return new RemoteAgent(http, keys, name, issued.get("access_token").asText());
    }

    public String id() {
        return keys.id;
    }

    public String name() {
        return name;
    }

    /** Its bearer token (for calls an agent makes on its own, e.g. a handoff's status). */
    public String token() {
        return token;
    }

    /** Its keys (to sign an envelope differently, e.g. a forgery in a test). */
    public SigningAgent keys() {
        return keys;
    }

    /** The one item its inbox holds within {@code waitSeconds}, as delivered: the envelope as a JSON tree. */
    public Map<String, Object> receive(int waitSeconds) {
        var items = http.get("/api/aci/inbox?wait=" + waitSeconds, token)
                .expect(200, "inbox of " + id())
                .json();
        if (items.size() != 1) {
            throw new IllegalStateException(id() + "'s inbox holds " + items.size() + " items: " + items);
        }
        return SigningAgent.parse(items.get(0).get("envelope").toString());
    }

    /** Sends a signed envelope: {@code 202} with the hop's status, or an error of ACI.md. */
    public GatewayHttp.Reply handOff(String signedEnvelope) {
        return http.post("/api/aci/handoffs", token, "application/json", signedEnvelope);
    }

    /** The next hop of {@code received} to {@code to}, asking for {@code permissions}, signed by this agent. */
    public String next(Map<String, Object> received, RemoteAgent to, List<String> permissions, String primary) {
        return keys.signed(keys.next(received, to.id(), permissions, primary, Instant.now()));
    }

    /** {@link #next(Map, RemoteAgent, List, String)} with the reason the user is shown when consent is needed. */
    @SuppressWarnings("unchecked")
    public String next(
            Map<String, Object> received, RemoteAgent to, List<String> permissions, String primary, String reason) {
        Map<String, Object> envelope = keys.next(received, to.id(), permissions, primary, Instant.now());
        ((Map<String, Object>) envelope.get("auth")).put("reason", reason);
        return keys.signed(envelope);
    }
}
