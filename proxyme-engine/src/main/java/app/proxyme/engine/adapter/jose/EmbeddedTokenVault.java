package app.proxyme.engine.adapter.jose;

import static app.proxyme.domain.port.out.RelationshipCheck.CAN_AUTO_RESPOND;
import static app.proxyme.domain.port.out.RelationshipCheck.CAN_RESPOND_WITH_APPROVAL;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import com.auth0.jwt.JWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded token vault: issues short-lived RS256 tokens for one scope, bound to a topic where the scope
 * needs one. Role-scoped: a {@code write:suggestions} token is issued only after FGA confirms the member may
 * answer on that topic — checked on every request, also when a cached token is handed out.
 */
public final class EmbeddedTokenVault implements TokenVault {
    /** How long a vault token lives: retire a vault key no sooner after its successor signs. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final KeyRing keys;
    private final RelationshipCheck fga;
    private final Clock clock;
    private final Map<Key, ScopedToken> cache = new ConcurrentHashMap<>();

    private record Key(String user, String scope, String topic) {}

    /** @param keys the vault keys; the current one signs (tokens live 5 minutes) */
    public EmbeddedTokenVault(KeyRing keys, RelationshipCheck fga, Clock clock) {
        this.keys = keys;
        this.fga = fga;
        this.clock = clock;
    }

    @Override
    public ScopedToken obtain(Member member, String scope, String topic) {
        authorize(member, scope, topic);
        Instant now = clock.instant();
        var key = new Key(member.email(), scope, topic);
        ScopedToken cached = cache.get(key);
        if (cached != null && now.plus(RENEW_BEFORE).isBefore(cached.expiresAt())) {
            return new ScopedToken(cached.value(), scope, topic, cached.expiresAt(), true);
        }
        ScopedToken fresh = mint(member, scope, topic, now);
        cache.put(key, fresh);
        return fresh;
    }

    private void authorize(Member member, String scope, String topic) {
        switch (scope) {
            case READ_TRANSCRIPTS -> {}
            case WRITE_SUGGESTIONS -> {
                Objects.requireNonNull(topic, "write:suggestions is bound to a topic");
                String object = RelationshipCheck.topic(member.org(), topic);
                String user = RelationshipCheck.user(member.email());
                List<Boolean> answers = fga.check(List.of(
                        new RelationshipQuery(user, CAN_AUTO_RESPOND, object),
                        new RelationshipQuery(user, CAN_RESPOND_WITH_APPROVAL, object)));
                if (!answers.contains(Boolean.TRUE)) {
                    throw new TokenRefusedException("role " + member.role() + " may not respond on " + topic);
                }
            }
            default -> throw new TokenRefusedException("unknown scope " + scope);
        }
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
