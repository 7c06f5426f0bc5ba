package app.proxyme.domain.port.out;

import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.policy.Member;

/**
 * Tokens for a user's connected third-party accounts: Auth0 Token Vault exchanges the user's own Auth0 access token
 * for the connection's; embedded, the outbox that stands in for every third party issues its own. Callers make the
 * role check first.
 */
public interface FederatedTokens {
    /**
     * @param subjectToken the bearer token the user signed in with (Token Vault exchanges it)
     * @throws app.proxyme.domain.connect.AccountNotConnectedException when the user has not linked that account
     * @throws app.proxyme.domain.connect.RateLimitedException when the vault asks to wait
     * @throws app.proxyme.domain.DependencyUnavailableException when the vault cannot be reached
     */
    FederatedToken token(Member member, String subjectToken, String connection);
}
