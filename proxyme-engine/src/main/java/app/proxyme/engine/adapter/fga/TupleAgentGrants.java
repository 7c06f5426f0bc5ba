package app.proxyme.engine.adapter.fga;

import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Ceilings and grants as tuples of the product's model ({@code agent}, {@code agent_permission}). With an OpenFGA
 * server ({@link RemoteTuples}) the change is written there first, as a policy import is, then to the database's
 * tuple store (whose change notifications reach every instance); when the database write fails, the remote one is
 * undone. Only tuples that change are sent (OpenFGA refuses to write a tuple twice).
 */
public final class TupleAgentGrants implements AgentGrants {
    private final TupleStore store;
    private final RemoteTuples remote;

    public TupleAgentGrants(TupleStore store, RemoteTuples remote) {
        this.store = store;
        this.remote = remote;
    }

    /** Embedded FGA: the database's tuples only. */
    public TupleAgentGrants(TupleStore store) {
        this(store, RemoteTuples.NONE);
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
        change(org, agent, tuples, List.of());
    }

    @Override
    public void grant(String org, String user, String agent, Collection<String> permissions) {
        String fgaUser = "user:" + user;
        change(
                org,
                agent,
                permissions.stream()
                        .map(p -> new Tuple(AgentGrants.held(org, agent, p), "grantor", fgaUser))
                        .toList(),
                List.of(new Tuple(AgentGrants.agent(org, agent), STOPPED_BY, fgaUser)));
    }

    @Override
    public void revoke(String org, String user, String agent) {
        String fgaUser = "user:" + user;
        List<Tuple> own = store.read("agent_permission:" + org + "/" + agent + "/").stream()
                .filter(t -> t.relation().equals("grantor") && t.user().equals(fgaUser))
                .toList();
        change(org, agent, List.of(new Tuple(AgentGrants.agent(org, agent), STOPPED_BY, fgaUser)), own);
    }

    /** Writes what is not there yet and deletes what is, remotely first. */
    private void change(String org, String agent, List<Tuple> add, List<Tuple> remove) {
        var existing = new HashSet<>(store.read(AgentGrants.agent(org, agent)));
        existing.addAll(store.read("agent_permission:" + org + "/" + agent + "/"));
        List<Tuple> writes =
                add.stream().filter(t -> !existing.contains(t)).distinct().toList();
        List<Tuple> deletes =
                remove.stream().filter(existing::contains).distinct().toList();
        if (writes.isEmpty() && deletes.isEmpty()) {
            return;
        }
        remote.apply(writes, deletes);
        try {
            if (!writes.isEmpty()) {
                store.write(writes);
            }
            if (!deletes.isEmpty()) {
                store.delete(deletes);
            }
        } catch (RuntimeException e) {
            remote.undo(writes, deletes);
            throw e;
        }
    }
}
