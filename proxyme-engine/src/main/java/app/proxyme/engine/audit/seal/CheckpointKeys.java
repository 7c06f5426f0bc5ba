package app.proxyme.engine.audit.seal;

import app.proxyme.engine.audit.verify.ChainCheck;
import app.proxyme.engine.audit.verify.ChainLink;
import app.proxyme.engine.keys.Jwks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
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
        return key != null && CheckpointSeal.verify(key, checkpoint);
    }
}
