package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import com.auth0.jwt.JWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The in-process issuer of scoped tokens (every mode: no identity provider issues per-topic tokens): short-lived RS256
 * tokens for one scope, bound to a topic where the scope needs one, signed with the current key of the shared vault
 * key ring and verifiable through {@code /.well-known/jwks.json}. A token is reused until shortly before it expires;
 * concurrent requests for the same token share one issuance. It does not decide who may hold a token: every issuer is
 * reached through {@link app.proxyme.engine.identity.RoleScopedVault}, which does.
 */
public final class EmbeddedTokenVault implements TokenVault {
    /** How long a vault token lives: retire a vault key no sooner after its successor signs. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final KeyRing keys;
    private final Clock clock;
    /** Issued tokens, until they expire; bounded, so that many members and topics cannot grow it without limit. */
    private final Cache<Key, ScopedToken> cache =
            Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(LIFETIME).build();

    private record Key(String user, String scope, String topic) {}

    /** @param keys the vault keys; the current one signs */
    public EmbeddedTokenVault(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public ScopedToken obtain(Member member, String scope, String topic) {
        Instant now = clock.instant();
        var minted = new boolean[1];
        // compute: one issuance per key at a time, the others take what it made
        ScopedToken token = cache.asMap().compute(new Key(member.email(), scope, topic), (k, held) -> {
            if (held != null && now.plus(RENEW_BEFORE).isBefore(held.expiresAt())) {
                return held;
            }
            minted[0] = true;
            return mint(member, scope, topic, now);
        });
        return minted[0] ? token : new ScopedToken(token.value(), scope, topic, token.expiresAt(), true);
    }

    private ScopedToken mint(Member member, String scope, String topic, Instant now) {
        Instant expires = now.plus(LIFETIME);
        RingKey key = keys.signing();
        var jwt = JWT.create()
                .withIssuer("proxyme-vault")
                .withKeyId(key.kid())
                .withSubject(member.email())
                .withClaim("org", member.org())
                .withClaim("scope", scope)
                .withIssuedAt(now)
                .withExpiresAt(expires);
        if (topic != null) {
            jwt.withClaim("topic", topic);
        }
        return new ScopedToken(jwt.sign(RingKeys.signingWith(key)), scope, topic, expires, false);
    }
}
