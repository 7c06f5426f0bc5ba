package app.proxyme.domain.aci;

import app.proxyme.domain.policy.OrgId;

/** Who an agent's bearer token says is calling: an agent of an organisation. */
public record AgentPrincipal(String org, String agent) {
    public AgentPrincipal {
        OrgId.require(org);
        AgentId.require(agent);
    }
}
