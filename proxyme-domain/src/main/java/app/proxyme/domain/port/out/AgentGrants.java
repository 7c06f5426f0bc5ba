package app.proxyme.domain.port.out;

import java.util.Collection;

/**
 * Writes grants and ceilings as FGA tuples in the product's model (read through {@link RelationshipCheck} with the
 * relations and ids below): an agent's ceiling, a user's grant and the user's kill switch for an agent.
 */
public interface AgentGrants {
    /** Relation: the permission is within the agent's ceiling (user {@link #agent}). */
    String CEILING = "ceiling";
    /** Relation: the user lets the agent hold the permission (own grant or the role's default, and not stopped). */
    String GRANTED = "granted";
    /** Relation on an agent: the user stopped it (kill switch). */
    String STOPPED_BY = "stopped_by";

    /** Sets the agent's ceiling (at registration). */
    void ceiling(String org, String agent, Collection<String> permissions);

    /** The user grants the permissions to the agent, and lifts their kill switch for it. */
    void grant(String org, String user, String agent, Collection<String> permissions);

    /** The user's kill switch: their own grants to the agent go, and it holds nothing of theirs from now on. */
    void revoke(String org, String user, String agent);

    /** FGA object of an agent. */
    static String agent(String org, String agent) {
        return "agent:" + org + "/" + agent;
    }

    /** FGA object of a permission held by an agent. */
    static String held(String org, String agent, String permission) {
        return "agent_permission:" + org + "/" + agent + "/" + permission;
    }

    /** FGA object of a permission of the organisation. */
    static String permission(String org, String permission) {
        return "permission:" + org + "/" + permission;
    }
}
