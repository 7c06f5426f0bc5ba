package app.proxyme.domain.fakes;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token vault in memory: asks the relationship check before a {@code write:suggestions} token, as the port requires;
 * can be switched off to test failing closed. Passes {@code TokenVaultContractTest}.
 */
public final class InMemoryTokenVault implements TokenVault {
    private final RelationshipCheck fga;
    private final Clock clock;
    private final AtomicLong issued = new AtomicLong();
    private volatile boolean down;

    public InMemoryTokenVault(RelationshipCheck fga, Clock clock) {
        this.fga = fga;
        this.clock = clock;
    }

    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public ScopedToken obtain(Member member, String scope, String topic) {
        if (down) {
            throw new DependencyUnavailableException("token_vault", "down");
        }
        if (TokenVault.WRITE_SUGGESTIONS.equals(scope)) {
            Objects.requireNonNull(topic, "write:suggestions is bound to a topic");
            var object = RelationshipCheck.topic(member.org(), topic);
            var answers = fga.check(List.of(
                    new RelationshipQuery(
                            RelationshipCheck.user(member.email()), RelationshipCheck.CAN_AUTO_RESPOND, object),
                    new RelationshipQuery(
                            RelationshipCheck.user(member.email()),
                            RelationshipCheck.CAN_RESPOND_WITH_APPROVAL,
                            object)));
            if (!answers.contains(true)) {
                throw new TokenRefusedException("no");
            }
        } else if (!TokenVault.READ_TRANSCRIPTS.equals(scope)) {
            throw new TokenRefusedException("unknown scope " + scope);
        }
        Instant now = clock.instant();
        String value = "t:" + member.email() + ":" + scope + ":" + topic + ":" + now + ":" + issued.incrementAndGet();
        return new ScopedToken(value, scope, topic, now.plusSeconds(300), false);
    }
}
