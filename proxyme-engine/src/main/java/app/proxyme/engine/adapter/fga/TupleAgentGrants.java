package app.proxyme.engine.adapter.fga;

import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ceilings and grants as tuples of the product's model ({@code agent}, {@code agent_permission}) in the tuple store
 * the relationship checks read: every instance sees a write at its next check (the store's change notifications).
 */
public final class TupleAgentGrants implements AgentGrants {
    private final TupleStore store;

    public TupleAgentGrants(TupleStore store) {
        this.store = store;
    }

    @Override
    public void ceiling(String org, String agent, Collection<String> permissions) {
        String who = AgentGrants.agent(org, agent);
        var tuples = new ArrayList<Tuple>();
        tuples.add(new Tuple(who, "organization", "organization:" + org));
        for (String p : permissions) {
            String held = AgentGrants.held(org, agent, p);
            tuples.add(new Tuple(held, "agent", who));
            tuples.add(new Tuple(held, "permission", AgentGrants.permission(org, p)));
            tuples.add(new Tuple(held, CEILING, who));
        }
        store.write(tuples);
    }

    @Override
    public void grant(String org, String user, String agent, Collection<String> permissions) {
        String fgaUser = "user:" + user;
        store.delete(List.of(new Tuple(AgentGrants.agent(org, agent), STOPPED_BY, fgaUser)));
        store.write(permissions.stream()
                .map(p -> new Tuple(AgentGrants.held(org, agent, p), "grantor", fgaUser))
                .toList());
    }

    @Override
    public void revoke(String org, String user, String agent) {
        String fgaUser = "user:" + user;
        List<Tuple> own = store.read("agent_permission:" + org + "/" + agent + "/").stream()
                .filter(t -> t.relation().equals("grantor") && t.user().equals(fgaUser))
                .toList();
        store.write(List.of(new Tuple(AgentGrants.agent(org, agent), STOPPED_BY, fgaUser)));
        store.delete(own);
    }
}
