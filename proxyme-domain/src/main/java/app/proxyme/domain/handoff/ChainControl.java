package app.proxyme.domain.handoff;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.policy.Member;
import java.util.List;

/**
 * The user's controls over agents and chains: grant, revoke (the kill switch) and end a chain. Each is audited
 * first, and takes effect on the very next hop on every instance (the state lives in the database and FGA).
 */
public final class ChainControl {
    private final GatewayPorts ports;

    public ChainControl(GatewayPorts ports) {
        this.ports = ports;
    }

    /** The user lets {@code agent} hold the permissions (within its ceiling, each defined by the policy). */
    public void grant(String org, String user, String agentId, List<String> permissions) {
        Agent agent =
                ports.agents().find(org, agentId).orElseThrow(() -> DomainException.notFound("no agent " + agentId));
        var defined = ports.permissions().described(org).keySet();
        for (String p : permissions) {
            if (!defined.contains(p)) {
                throw DomainException.badRequest("permission " + p + " is not defined by the policy");
            }
            if (!agent.ceiling().contains(p)) {
                throw DomainException.badRequest(agentId + " may never hold " + p);
            }
        }
        ports.audit().append(List.of(HopAudit.grant(org, user, agentId, List.copyOf(permissions), null)));
        ports.grants().grant(org, user, agentId, permissions);
    }

    /** The kill switch: the user's grant to the agent ends, its references die, its untaken work is withdrawn. */
    public void revoke(String org, String user, String agentId) {
        revoke(org, user, user, agentId);
    }

    /**
     * The kill switch pulled by an admin of the organisation for one of its members (the console): as {@link
     * #revoke(String, String, String)}, audited with the admin as the actor.
     *
     * @throws DomainException {@code FORBIDDEN} for a member who may not manage agents, {@code NOT_FOUND} for an
     *     agent the organisation does not have
     */
    public void revokeFor(Member admin, String user, String agentId) {
        Access.require(admin, Capability.MANAGE_AGENTS);
        if (user == null || user.isBlank()) {
            throw DomainException.badRequest("whose grant: a member's e-mail is required");
        }
        ports.agents().find(admin.org(), agentId).orElseThrow(() -> DomainException.notFound("no agent " + agentId));
        revoke(admin.org(), user, admin.email(), agentId);
    }

    private void revoke(String org, String user, String actor, String agentId) {
        ports.audit().append(List.of(HopAudit.revocation(org, user, actor, null, agentId, null)));
        ports.grants().revoke(org, user, agentId);
        ports.tokens().revokeHolder(org, user, agentId, "grant revoked");
        ports.handoffs().withdraw(org, user, agentId);
    }

    /** Ends a chain of the user's: later hops are {@code revoked}, its references die, untaken work is withdrawn. */
    public void revokeChain(String org, String user, String chainId) {
        Chain chain = ports.handoffs()
                .chain(chainId)
                .filter(c -> c.org().equals(org) && c.user().equalsIgnoreCase(user))
                .orElseThrow(() -> DomainException.notFound("no such chain"));
        ports.audit().append(List.of(HopAudit.revocation(org, chain.user(), user, chainId, null, chain.meetingId())));
        ports.handoffs().revokeChain(org, chainId);
        ports.tokens().revokeChain(org, chainId, "chain revoked");
    }
}
