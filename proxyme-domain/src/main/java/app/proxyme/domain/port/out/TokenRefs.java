package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.TokenRef;
import java.util.Optional;

/**
 * Token references kept server-side (ACI.md {@code auth.tokenRef}): bound, scoped, expiring, revocable. Shared by
 * every instance of the gateway: a revocation ends a reference for all of them at once.
 */
public interface TokenRefs {
    void save(TokenRef ref);

    Optional<TokenRef> find(String ref);

    /** Ends the chain's live references; returns how many. */
    int revokeChain(String org, String chainId, String reason);

    /** Ends the live references held by the agent for the user (the user's kill switch); returns how many. */
    int revokeHolder(String org, String user, String agent, String reason);

    /** Ends every live reference the agent holds (it was disabled); returns how many. */
    int revokeAgent(String org, String agent, String reason);
}
