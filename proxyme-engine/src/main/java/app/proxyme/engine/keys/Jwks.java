package app.proxyme.engine.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public RSA signing keys as JWKs (RFC 7517) and JWK sets, with RFC 7638 thumbprints as key ids, built and read by
 * Nimbus JOSE+JWT rather than by hand.
 */
public final class Jwks {
    private Jwks() {}

    /** The RFC 7638 SHA-256 thumbprint of the key, base64url: a key id that names exactly this key. */
    public static String thumbprint(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }

    /** The JWK set of RS256 signing keys, each under its key id, as JSON-ready maps. */
    public static Map<String, Object> set(Map<String, RSAPublicKey> keysById) {
        List<JWK> keys = keysById.entrySet().stream()
                .<JWK>map(e -> new RSAKey.Builder(e.getValue())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .keyID(e.getKey())
                        .build())
                .toList();
        return new LinkedHashMap<>(new JWKSet(keys).toJSONObject(true));
    }

    /**
     * The RSA keys of a JWK set's JSON, by key id; keys of other types are left out.
     *
     * @throws ParseException when the text is not a JWK set
     */
    public static Map<String, RSAPublicKey> readRsa(String json) throws ParseException {
        var byId = new LinkedHashMap<String, RSAPublicKey>();
        for (JWK jwk : JWKSet.parse(json).getKeys()) {
            if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                try {
                    byId.put(jwk.getKeyID(), rsa.toRSAPublicKey());
                } catch (JOSEException e) {
                    throw new ParseException("unusable RSA key " + jwk.getKeyID() + ": " + e.getMessage(), 0);
                }
            }
        }
        return byId;
    }
}
