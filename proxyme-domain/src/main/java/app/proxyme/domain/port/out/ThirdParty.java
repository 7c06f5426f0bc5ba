package app.proxyme.domain.port.out;

import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.policy.Member;

/** Delivers a message to a third party with the user's token for it (embedded: into the outbox). */
public interface ThirdParty {
    /** The third party's name, as sent messages record it ({@code outbox}, {@code slack}). */
    String name();

    /** Whether it delivers for {@code connection} (the outbox stands in for all). */
    boolean handles(String connection);

    /**
     * @return the third party's reference of the delivered message
     * @throws app.proxyme.domain.connect.AccountNotConnectedException when the token is refused as revoked
     * @throws app.proxyme.domain.DependencyUnavailableException when it cannot be reached
     */
    String deliver(Member sender, FederatedToken token, OutgoingMessage message);
}
