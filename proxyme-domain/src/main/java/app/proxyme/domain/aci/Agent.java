package app.proxyme.domain.aci;

import app.proxyme.domain.policy.OrgId;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An agent registered in an organisation (ACI.md "Parties").
 *
 * @param org the organisation
 * @param id its id, {@code [a-z0-9-]{2,40}}
 * @param name its display name
 * @param domain its declared domain ({@code finance}); a permission {@code agent:<other>} it is asked for is an anomaly
 * @param ceiling the permissions it may ever hold
 * @param jwk its public signing key, a JWK as JSON
 * @param auth0ClientId the Auth0 M2M client whose tokens act as this agent in connected mode, or {@code null}
 * @param enabled false once an admin disabled it
 */
public record Agent(
        String org,
        String id,
        String name,
        String domain,
        Set<String> ceiling,
        String jwk,
        String auth0ClientId,
        boolean enabled) {
    public Agent {
        OrgId.require(org);
        AgentId.require(id);
        name = name == null || name.isBlank() ? id : name;
        Objects.requireNonNull(domain, "domain");
        ceiling = java.util.Collections.unmodifiableSet(new TreeSet<>(ceiling));
        Objects.requireNonNull(jwk, "jwk");
    }

    /** The same agent, disabled. */
    public Agent disabled() {
        return new Agent(org, id, name, domain, ceiling, jwk, auth0ClientId, false);
    }
}
