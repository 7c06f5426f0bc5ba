package app.proxyme.domain.port.out;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Member;

/**
 * Issues short-lived, scoped tokens. A token to write suggestions on a topic is role-scoped: the vault asks
 * {@link RelationshipCheck} first, so a token for a topic the role may not respond on cannot be obtained.
 */
public interface TokenVault {
    String READ_TRANSCRIPTS = "read:transcripts";
    String WRITE_SUGGESTIONS = "write:suggestions";

    /**
     * @param member who the token is for
     * @param scope the scope
     * @param topic the topic the token is bound to ({@code null} for scopes without a topic)
     * @throws TokenRefusedException when the member may not hold it
     * @throws DependencyUnavailableException when the vault (or the check it needs) cannot answer
     */
    ScopedToken obtain(Member member, String scope, String topic);
}
