package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Embedded identity: signs in the demo users by email and issues RS256 bearer tokens (the same shape Auth0
 * would issue), then verifies them. A token names the user, organisation and role; the role is re-read from the
 * policy store on every request, so a changed or removed member loses access at once.
 */
public final class EmbeddedIdentity implements Identity {
    public static final String ISSUER = "proxyme-embedded";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final SigningKeys keys;
    private final PolicyStore policies;
    private final Clock clock;
    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    public EmbeddedIdentity(SigningKeys keys, PolicyStore policies, Clock clock) {
        this.keys = keys;
        this.policies = policies;
        this.clock = clock;
        this.algorithm = Algorithm.RSA256(keys.publicKey(), keys.privateKey());
        // expiry is judged by the same clock that stamps the tokens
        this.verifier = ((JWTVerifier.BaseVerification)
                        JWT.require(algorithm).withIssuer(ISSUER).acceptLeeway(5))
                .build(clock);
    }

    @Override
    public Optional<SignedIn> login(String email) {
        if (email == null) {
            return Optional.empty();
        }
        Optional<Member> member;
        try {
            member = policies.member(email.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return member.map(m -> {
            Instant now = clock.instant();
            String token = JWT.create()
                    .withIssuer(ISSUER)
                    .withKeyId(keys.keyId())
                    .withSubject(m.email())
                    .withClaim("org", m.org())
                    .withClaim("role", m.role())
                    .withIssuedAt(now)
                    .withExpiresAt(now.plus(LIFETIME))
                    .sign(algorithm);
            return new SignedIn(token, m);
        });
    }

    @Override
    public Optional<Member> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            return policies.member(jwt.getSubject())
                    .filter(m -> m.org().equals(jwt.getClaim("org").asString()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public java.util.Map<String, Object> jwks() {
        return keys.publicJwks();
    }
}
