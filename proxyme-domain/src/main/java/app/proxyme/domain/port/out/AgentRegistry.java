package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.Agent;
import java.util.List;
import java.util.Optional;

/**
 * The agents registered per organisation (ACI.md "Parties"), with the client credentials issued at registration
 * (the secret only as a hash).
 */
public interface AgentRegistry {
    /** Client credentials of an agent: the secret is kept only as its hash. */
    record Credentials(String clientId, String org, String agent, String secretHash) {}

    /**
     * Registers an agent with its credentials.
     *
     * @throws app.proxyme.domain.DomainException {@code CONFLICT} when the organisation already has an agent of that id
     */
    void register(Agent agent, Credentials credentials);

    Optional<Agent> find(String org, String id);

    /** The organisation's agents, by id. */
    List<Agent> list(String org);

    /** Disables the agent; false when there is none. */
    boolean disable(String org, String id);

    /** The credentials of a client id, enabled agent or not. */
    Optional<Credentials> credentials(String clientId);

    /** The agent registered with this Auth0 M2M client id (connected mode), in whichever organisation. */
    Optional<Agent> byAuth0Client(String auth0ClientId);
}
