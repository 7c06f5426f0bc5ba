package app.proxyme.engine.audit.seal;

import app.proxyme.engine.keys.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Signs and checks retention checkpoints: RS256 over {@code proxyme-checkpoint-v1 NL org NL lastPrunedSeq NL
 * lastPrunedHash}, with the audit key of the data directory. A checkpoint so signed vouches for the pruned prefix
 * that the remaining chain starts after.
 */
public final class CheckpointSeal {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public CheckpointSeal(PrivateKey privateKey, PublicKey publicKey, String keyId) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK set (RFC 7517), so that anyone can check checkpoint signatures. */
    public Map<String, Object> publicJwks() {
        if (!(publicKey instanceof java.security.interfaces.RSAPublicKey rsa)) {
            throw new IllegalStateException("checkpoint keys are RSA");
        }
        return Jwks.set(Map.of(keyId, rsa));
    }

    /** The signature (base64url) of a checkpoint naming {@code seq} and {@code hash} of {@code org}. */
    public String sign(String org, long seq, String hash) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(privateKey);
            s.update(text(org, seq, hash));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** Whether a checkpoint event's detail carries a valid signature of this key for what it names. */
    public boolean verify(String org, Map<String, Object> detail) {
        try {
            Object seq = detail.get("lastPrunedSeq");
            Object hash = detail.get("lastPrunedHash");
            Object sig = detail.get("signature");
            if (!(seq instanceof Number n) || hash == null || sig == null) {
                return false;
            }
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(publicKey);
            s.update(text(org, n.longValue(), hash.toString()));
            return s.verify(Base64.getUrlDecoder().decode(sig.toString()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code signature} (base64url) is {@code key}'s signature of a checkpoint naming seq and hash. */
    public static boolean verify(PublicKey key, String org, long seq, String hash, String signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(text(org, seq, hash));
            return signature != null && s.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] text(String org, long seq, String hash) {
        return ("proxyme-checkpoint-v1\n" + org + "\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8);
    }
}
