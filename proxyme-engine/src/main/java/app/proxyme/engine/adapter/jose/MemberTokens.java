package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.policy.Member;
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
import java.util.Map;
import java.util.Optional;

/**
 * RS256 bearer tokens that stand for a member, of one issuer, signed with the current key of a shared {@link KeyRing}
 * and verified with any key of it. A token names the member, organisation and role, plus the issuer's own claims;
 * the member is re-read from the policy store on every check, so a changed or removed member loses access at once.
 * A token's signature is verified once and remembered for a few minutes; its expiry and its member are checked on
 * every request.
 */
final class MemberTokens {
    /** Allowed clock skew between the instance that issued a token and the one that checks it. */
    static final Duration LEEWAY = Duration.ofSeconds(5);

    private final KeyRing keys;
    private final String issuer;
    private final Duration lifetime;
    private final Map<String, String> claims;
    private final PolicyStore policies;
    private final Clock clock;
    private final JWTVerifier verifier;

    /**
     * Tokens whose signature, issuer and claims were verified lately: a socket's token is re-checked on every message
     * and every few seconds, and its signature cannot change. Expiry and the member are judged on every check.
     */
    private final Cache<String, Verified> recentlyVerified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private record Verified(String subject, String org, Instant expires) {}

    /**
     * @param claims string claims every token of this issuer carries, and that verification requires
     */
    MemberTokens(
            KeyRing keys,
            String issuer,
            Duration lifetime,
            Map<String, String> claims,
            PolicyStore policies,
            Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.claims = Map.copyOf(claims);
        this.policies = policies;
        this.clock = clock;
        var require = JWT.require(RingKeys.verifying(keys)).withIssuer(issuer).acceptLeeway(LEEWAY.toSeconds());
        this.claims.forEach(require::withClaim);
        // expiry is judged by the same clock that stamps the tokens
        this.verifier = ((JWTVerifier.BaseVerification) require).build(clock);
    }

    /** A token for {@code m}, valid for this issuer's lifetime from now. */
    String issue(Member m) {
        Instant now = clock.instant();
        RingKey key = keys.signing();
        var token = JWT.create()
                .withIssuer(issuer)
                .withKeyId(key.kid())
                .withSubject(m.email())
                .withClaim("org", m.org())
                .withClaim("role", m.role())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime));
        claims.forEach(token::withClaim);
        return token.sign(RingKeys.signingWith(key));
    }

    /** The member a token of this issuer stands for; empty when it is bad, expired or its member is gone. */
    Optional<Member> verify(String token) {
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
}
