package app.proxyme.engine.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key of a {@link KeyRing}, ready to use: an RSA key pair (RS256) or an HMAC-SHA256 secret, with the times from
 * which it signs and until which it verifies.
 */
public final class RingKey {
    private final StoredKey stored;
    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final SecretKeySpec secret;

    private RingKey(StoredKey stored, RSAPublicKey publicKey, RSAPrivateKey privateKey, SecretKeySpec secret) {
        this.stored = stored;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.secret = secret;
    }

    static RingKey of(StoredKey stored, KeyRing.Kind kind) {
        return switch (kind) {
            case RSA -> {
                RSAPrivateKey priv = rsaPrivate(stored.material());
                yield new RingKey(stored, rsaPublic(priv), priv, null);
            }
            case HMAC -> new RingKey(stored, null, null, new SecretKeySpec(stored.material(), "HmacSHA256"));
        };
    }

    static RSAPrivateKey rsaPrivate(byte[] pkcs8) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("a stored RSA key is unusable", e);
        }
    }

    static RSAPublicKey rsaPublic(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("a stored RSA key lacks its public exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored RSA key is unusable", e);
        }
    }

    /** The id of an HMAC secret: a truncated hash that names it without revealing it. */
    static String secretId(byte[] secret) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("proxyme-hmac-kid\n".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(secret);
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return stored.kid();
    }

    public int generation() {
        return stored.generation();
    }

    public Instant createdAt() {
        return stored.createdAt();
    }

    public Instant signsFrom() {
        return stored.signsFrom();
    }

    /** Until when it verifies; {@code null}: for ever. */
    public Instant retiresAt() {
        return stored.retiresAt();
    }

    boolean verifiesAt(Instant now) {
        return stored.verifiesAt(now);
    }

    /** @throws IllegalStateException for an HMAC key */
    public RSAPublicKey publicKey() {
        if (publicKey == null) {
            throw new IllegalStateException("an HMAC key has no public key");
        }
        return publicKey;
    }

    /** @throws IllegalStateException for an HMAC key */
    public RSAPrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("an HMAC key has no private key");
        }
        return privateKey;
    }

    /** @throws IllegalStateException for an RSA key */
    public SecretKeySpec secret() {
        if (secret == null) {
            throw new IllegalStateException("an RSA key has no secret");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "RingKey[" + stored.purpose() + " #" + stored.generation() + " " + stored.kid() + "]";
    }
}
