package app.proxyme.engine.audit.seal;

import app.proxyme.engine.keys.Jwks;
import java.nio.charset.StandardCharsets;
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
    private final Map<String, ? extends PublicKey> byId;

    private CheckpointKeys(Map<String, ? extends PublicKey> byId) {
        this.byId = byId;
    }

    /** Reads a JWK set. */
    public static CheckpointKeys read(InputStream in) throws IOException {
        try {
            return new CheckpointKeys(Map.copyOf(Jwks.readRsa(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (java.text.ParseException e) {
            throw new IOException("not a JWK set: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean valid(ChainLink.Checkpoint checkpoint) {
        PublicKey key = byId.get(checkpoint.keyId());
        return key != null && CheckpointSeal.verify(key, checkpoint.org(), checkpoint.lastPrunedSeq(),
                checkpoint.lastPrunedHash(), checkpoint.signature());
    }
}
