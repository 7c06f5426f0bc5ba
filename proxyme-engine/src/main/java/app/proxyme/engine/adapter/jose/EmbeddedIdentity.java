package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Embedded identity: signs in the demo users by email and issues RS256 bearer tokens (the same shape Auth0 would
 * issue) with the current key of the shared identity key ring, then verifies them with any key of the ring
 * ({@link MemberTokens}: the role is re-read on every request, so a changed or removed member loses access at once).
 */
public final class EmbeddedIdentity implements Identity {
    public static final String ISSUER = "proxyme-embedded";
    private static final Duration LIFETIME = Duration.ofHours(12);
    /** How long a key must verify after its last token: retire an identity key no sooner after its successor signs. */
    public static final Duration TOKENS_LIVE_FOR = LIFETIME.plus(MemberTokens.LEEWAY);

    private final KeyRing keys;
    private final PolicyStore policies;
    private final MemberTokens tokens;

    /**
     * @param keys the identity keys: the current one signs, every one not yet retired verifies (tokens live 12 hours,
     *     so retire a key no sooner than 12 hours after its successor signs)
     */
    public EmbeddedIdentity(KeyRing keys, PolicyStore policies, Clock clock) {
        this.keys = keys;
        this.policies = policies;
        this.tokens = new MemberTokens(keys, ISSUER, LIFETIME, Map.of(), policies, clock);
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
        return member.map(m -> new SignedIn(tokens.issue(m), m));
    }

    @Override
    public Optional<Member> verify(String token) {
        return tokens.verify(token);
    }

    @Override
    public Map<String, Object> jwks() {
        return keys.publicJwks();
    }
}
