package app.proxyme.engine.adapter.outbox;

import app.proxyme.domain.Ids;
import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.FederatedTokens;
import app.proxyme.domain.port.out.ThirdParty;
import java.time.Clock;
import java.time.Duration;

/**
 * Embedded mode's third party, for every connection: it issues its own tokens (an hour each, good for its outbox only)
 * and delivers a message by keeping it — the use case stores every sent message, which is the outbox the user reads.
 * Nothing leaves the machine.
 */
public final class Outbox implements FederatedTokens, ThirdParty {
    static final Duration LIFETIME = Duration.ofHours(1);
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public FederatedToken token(Member member, String subjectToken, String connection) {
        return new FederatedToken(
                connection, Ids.next("obx"), "outbox", clock.instant().plus(LIFETIME), name());
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public boolean handles(String connection) {
        return true;
    }

    @Override
    public String deliver(Member sender, FederatedToken token, OutgoingMessage message) {
        if (!name().equals(token.issuer()) || clock.instant().isAfter(token.expiresAt())) {
            throw new IllegalStateException("the outbox takes its own unexpired tokens only");
        }
        return Ids.next("obx");
    }
}
