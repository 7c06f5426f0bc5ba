package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.AgentToken;

/** Issues agents' access tokens for their client credentials (embedded mode's stand-in for Auth0 M2M). */
public interface AgentTokenIssuer {
    AgentToken issue(AgentPrincipal agent);
}
