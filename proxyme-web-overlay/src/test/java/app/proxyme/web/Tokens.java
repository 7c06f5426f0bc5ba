package app.proxyme.web;

import app.proxyme.engine.adapter.jose.EmbeddedIdentity;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

/** Bearer tokens the embedded identity did not hand out: signed by a stranger, or by the server but expired. */
public final class Tokens {
    private Tokens() {}

    /** A token of the member, signed with the server's own identity key, valid from now for {@code lifetime}. */
    public static String serverSigned(String email, String org, String role, Duration lifetime) {
        RingKey key = TestServer.serverKeys("identity", KeyRing.Kind.RSA).signing();
        return sign(key.kid(), key.publicKey(), key.privateKey(), email, org, role, lifetime);
    }

    /** The same claims, signed by a key the server never saw. */
    public static String foreignSigned(String email, String org, String role) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            var pair = gen.generateKeyPair();
            return sign(
                    "foreign",
                    (RSAPublicKey) pair.getPublic(),
                    (RSAPrivateKey) pair.getPrivate(),
                    email,
                    org,
                    role,
                    Duration.ofHours(1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(
            String kid, RSAPublicKey pub, RSAPrivateKey key, String email, String org, String role, Duration lifetime) {
        Instant now = Instant.now();
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofHours(1)) : now;
        return JWT.create()
                .withIssuer(EmbeddedIdentity.ISSUER)
                .withKeyId(kid)
                .withSubject(email)
                .withClaim("org", org)
                .withClaim("role", role)
                .withIssuedAt(issued)
                .withExpiresAt(now.plus(lifetime))
                .sign(Algorithm.RSA256(pub, key));
    }
}
