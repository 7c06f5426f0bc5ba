package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.AgentPrincipal;
import java.util.Optional;

/**
 * Verifies an agent's bearer token (ACI.md check 2): embedded, a token the gateway issued for client credentials;
 * connected, an Auth0 M2M access token checked against the tenant's keys, issuer, audience and expiry, its
 * {@code azp} mapped to the agent registered with that client. Never trusts what the envelope says.
 */
public interface AgentAuthentication {
    /**
     * The agent the token stands for, or empty for a token that is not valid (bad signature, expired, unknown).
     *
     * @throws app.proxyme.domain.DependencyUnavailableException when the token cannot be checked now (key set
     *     unreachable): the hop is refused, never let through
     */
    Optional<AgentPrincipal> authenticate(String bearer);
}
