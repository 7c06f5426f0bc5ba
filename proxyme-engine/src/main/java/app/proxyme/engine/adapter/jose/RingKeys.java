package app.proxyme.engine.adapter.jose;

import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** RS256 for java-jwt over a {@link KeyRing}: signs with one key, verifies with whichever the token names. */
final class RingKeys {
    private RingKeys() {}

    /** RS256 signing with {@code key} (and naming it): one key per token, even when the ring rotates meanwhile. */
    static Algorithm signingWith(RingKey key) {
        return Algorithm.RSA256(key.publicKey(), key.privateKey());
    }

    /** RS256 verification with the ring's key that the token's {@code kid} names; it cannot sign. */
    static Algorithm verifying(KeyRing ring) {
        return Algorithm.RSA256(new RSAKeyProvider() {
            @Override
            public RSAPublicKey getPublicKeyById(String kid) {
                return ring.find(kid).map(RingKey::publicKey).orElse(null);
            }

            @Override
            public RSAPrivateKey getPrivateKey() {
                return null;
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        });
    }
}
