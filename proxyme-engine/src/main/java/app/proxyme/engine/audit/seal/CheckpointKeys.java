package app.proxyme.engine.audit.seal;

import app.proxyme.engine.audit.verify.ChainCheck;
import app.proxyme.engine.audit.verify.ChainLink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The published checkpoint keys (the JWK set of {@code GET /api/audit/checkpoint-keys}), for checking checkpoint
 * signatures offline. Reads RSA keys only; a checkpoint naming an unknown key is not valid.
 */
public final class CheckpointKeys implements ChainCheck.SealCheck {
    private final Map<String, PublicKey> byId;

    private CheckpointKeys(Map<String, PublicKey> byId) {
        this.byId = byId;
    }

    /** Reads a JWK set. */
    public static CheckpointKeys read(InputStream in) throws IOException {
        var keys = new HashMap<String, PublicKey>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JWK set");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.START_ARRAY || !"keys".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    var jwk = new HashMap<String, String>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        jwk.put(field, p.getValueAsString());
                        p.skipChildren();
                    }
                    if ("RSA".equals(jwk.get("kty")) && jwk.get("n") != null && jwk.get("e") != null) {
                        keys.put(jwk.get("kid"), rsa(jwk.get("n"), jwk.get("e")));
                    }
                }
            }
        }
        return new CheckpointKeys(keys);
    }

    private static PublicKey rsa(String n, String e) throws IOException {
        try {
            var d = Base64.getUrlDecoder();
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(new BigInteger(1, d.decode(n)), new BigInteger(1, d.decode(e))));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IOException("unusable RSA key in the JWK set", ex);
        }
    }

    @Override
    public boolean valid(ChainLink.Checkpoint checkpoint) {
        PublicKey key = byId.get(checkpoint.keyId());
        return key != null && CheckpointSeal.verify(key, checkpoint.org(), checkpoint.lastPrunedSeq(),
                checkpoint.lastPrunedHash(), checkpoint.signature());
    }
}
