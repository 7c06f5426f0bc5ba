package app.proxyme.engine.aci.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * An external agent's keys and envelopes: its own P-256 key, envelopes built as plain JSON, signed as JWS with a
 * detached payload over their RFC 8785 form. Used by the tests, the benchmarks and the seed's runnable example.
 */
public final class SigningAgent {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String id;
    private final ECKey key;

    public SigningAgent(String id) {
        this.id = id;
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK to register, as JSON. */
    public String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    /**
     * The next hop of work this agent received ({@code received}, an envelope as its inbox gave it): to {@code to},
     * asking for {@code permissions}, with a new id and time, the chain extended by this agent.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> next(
            Map<String, Object> received, String to, List<String> permissions, String primary, Instant now) {
        var env = new LinkedHashMap<String, Object>(received);
        env.remove("sig");
        env.put("id", UUID.randomUUID().toString());
        env.put("ts", now.toString());
        var auth = new LinkedHashMap<String, Object>((Map<String, Object>) received.get("auth"));
        var chain = new ArrayList<Object>((List<Object>) auth.get("chain"));
        chain.add(id);
        auth.put("from", id);
        auth.put("to", to);
        auth.put("permissions", permissions);
        auth.put("reason", "Because " + to + " knows best");
        auth.put("chain", chain);
        env.put("auth", auth);
        var content = new LinkedHashMap<String, Object>((Map<String, Object>) received.get("content"));
        content.put("primary", primary);
        env.put("content", content);
        var safety = new LinkedHashMap<String, Object>((Map<String, Object>) received.getOrDefault("safety", Map.of()));
        safety.put("pii", List.of());
        env.put("safety", safety);
        return env;
    }

    /** The envelope as JSON with this agent's {@code sig}. */
    public String signed(Map<String, Object> envelope) {
        return signedBy(key, envelope);
    }

    /**
     * The envelope signed under this agent's id with a key that is not its registered one: what a forger sends (for
     * showing the signature check).
     */
    public String forged(Map<String, Object> envelope) {
        return signedBy(new SigningAgent(id).key, envelope);
    }

    private String signedBy(ECKey with, Map<String, Object> envelope) {
        try {
            var unsigned = new LinkedHashMap<>(envelope);
            unsigned.remove("sig");
            byte[] payload = new JsonCanonicalizer(JSON.writeValueAsString(unsigned)).getEncodedUTF8();
            var jws = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(id).build(), new Payload(payload));
            jws.sign(new ECDSASigner(with));
            unsigned.put("sig", jws.serialize(true));
            return JSON.writeValueAsString(unsigned);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON text (what an inbox gives). */
    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
