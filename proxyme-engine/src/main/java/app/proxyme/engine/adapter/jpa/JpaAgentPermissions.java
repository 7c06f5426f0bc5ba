package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.port.out.AgentPermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agent permissions of the stored policy ({@code org_permissions}), read through on each call. */
final class JpaAgentPermissions implements AgentPermissions {
    private final Tx tx;

    JpaAgentPermissions(Tx tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, String> described(String org) {
        var out = new LinkedHashMap<String, String>();
        tx.read(em -> em.createQuery(
                                "select p from PermissionEntity p where p.org = :org order by p.sortOrder",
                                PermissionEntity.class)
                        .setParameter("org", org)
                        .getResultList())
                .forEach(p -> out.put(p.id, p.description));
        return out;
    }
}
