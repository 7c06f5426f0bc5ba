package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Embedded identity: signs in the demo users by email and issues RS256 bearer tokens (the same shape Auth0
 * would issue) with the current key of the shared identity key ring, then verifies them with any key of the ring. A token names the user, organisation and role; the role is re-read from the
 * policy store on every request, so a changed or removed member loses access at once. A token's signature is
 * verified once and remembered for a few minutes; its expiry and its member are checked on every request.
 */
public final class EmbeddedIdentity implements Identity {
    public static final String ISSUER = "proxyme-embedded";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration LEEWAY = Duration.ofSeconds(5);
    /** How long a key must verify after its last token: retire an identity key no sooner after its successor signs. */
    public static final Duration TOKENS_LIVE_FOR = LIFETIME.plus(LEEWAY);

    private final KeyRing keys;
    private final PolicyStore policies;
    private final Clock clock;
    private final JWTVerifier verifier;

    /**
     * Tokens whose signature and issuer were verified lately: a socket's token is re-checked on every message and
     * every few seconds, and its signature cannot change. Expiry and the member are judged on every check.
     */
    private final Cache<String, Verified> recentlyVerified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private record Verified(String subject, String org, Instant expires) {}

    /**
     * @param keys the identity keys: the current one signs, every one not yet retired verifies (tokens live 12 hours,
     *     so retire a key no sooner than 12 hours after its successor signs)
     */
    public EmbeddedIdentity(KeyRing keys, PolicyStore policies, Clock clock) {
        this.keys = keys;
        this.policies = policies;
        this.clock = clock;
        // expiry is judged by the same clock that stamps the tokens
        this.verifier = ((JWTVerifier.BaseVerification)
                        JWT.require(RingKeys.verifying(keys)).withIssuer(ISSUER).acceptLeeway(LEEWAY.toSeconds()))
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
            RingKey key = keys.signing();
            String token = JWT.create()
                    .withIssuer(ISSUER)
                    .withKeyId(key.kid())
                    .withSubject(m.email())
                    .withClaim("org", m.org())
                    .withClaim("role", m.role())
                    .withIssuedAt(now)
                    .withExpiresAt(now.plus(LIFETIME))
                    .sign(RingKeys.signingWith(key));
            return new SignedIn(token, m);
        });
    }

    @Override
    public Optional<Member> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Verified verified = recentlyVerified.getIfPresent(token);
        if (verified == null) {
            try {
                DecodedJWT jwt = verifier.verify(token);
                verified = new Verified(jwt.getSubject(), jwt.getClaim("org").asString(), jwt.getExpiresAtAsInstant());
            } catch (JWTVerificationException | IllegalArgumentException e) {
                return Optional.empty();
            }
            recentlyVerified.put(token, verified);
        }
        if (verified.expires() == null
                || clock.instant().isAfter(verified.expires().plus(LEEWAY))) {
            return Optional.empty();
        }
        String org = verified.org();
        return policies.member(verified.subject()).filter(m -> m.org().equals(org));
    }

    @Override
    public java.util.Map<String, Object> jwks() {
        return keys.publicJwks();
    }
}
