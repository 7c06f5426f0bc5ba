package app.proxyme.domain.port.in;

import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.connect.SentMessage;
import app.proxyme.domain.policy.Member;
import java.util.List;

/**
 * Use case: send a message through one of the caller's connected accounts (a meeting follow-up on Slack, ...). The
 * role check decides first: only a member whose role may answer the message's topic gets a token for it. Then the
 * connection's token (Token Vault, or the embedded outbox), the audit event, the delivery.
 */
public interface SendThroughConnection {
    /**
     * @param bearerToken the token the caller signed in with (the vault exchanges it for the connection's)
     * @throws app.proxyme.domain.port.out.TokenRefusedException when the caller's role may not answer the topic
     * @throws app.proxyme.domain.connect.AccountNotConnectedException when the caller has not linked the account
     */
    SentMessage send(Member caller, String bearerToken, OutgoingMessage message);

    /** The caller's sent messages, newest first (embedded: their outbox). */
    List<SentMessage> sent(Member caller);
}
