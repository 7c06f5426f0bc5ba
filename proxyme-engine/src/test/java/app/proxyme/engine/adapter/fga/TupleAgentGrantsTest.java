package app.proxyme.engine.adapter.fga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grants, ceilings and the kill switch as tuples, read back through the embedded check; remote first, undone on failure. */
class TupleAgentGrantsTest {
    private final List<String> remoteCalls = new ArrayList<>();
    private final RemoteTuples remote = (writes, deletes) -> {
        remoteCalls.add("+" + writes.size() + " -" + deletes.size());
        return new RemoteTuples.Applied(1, writes.size() + deletes.size());
    };
    private final InMemoryTupleStore store = new InMemoryTupleStore();
    private final TupleAgentGrants grants = new TupleAgentGrants(store, remote);
    private final EmbeddedRelationshipCheck fga = new EmbeddedRelationshipCheck(store);

    private boolean granted(String user, String permission) {
        return fga.check(List.of(new RelationshipQuery(
                        "user:" + user, AgentGrants.GRANTED, AgentGrants.held("acme", "fin", permission))))
                .get(0);
    }

    @Test
    void a_grant_holds_until_the_kill_switch_and_a_new_grant_lifts_it() {
        grants.ceiling("acme", "fin", Set.of("agent:finance"));
        grants.grant("acme", "ae@acme.test", "fin", List.of("agent:finance"));
        assertTrue(granted("ae@acme.test", "agent:finance"));
        assertFalse(granted("jae@acme.test", "agent:finance"));

        grants.revoke("acme", "ae@acme.test", "fin");
        assertFalse(granted("ae@acme.test", "agent:finance"));
        assertTrue(fga.check(List.of(new RelationshipQuery(
                        "user:ae@acme.test", AgentGrants.STOPPED_BY, AgentGrants.agent("acme", "fin"))))
                .get(0));

        grants.grant("acme", "ae@acme.test", "fin", List.of("agent:finance"));
        assertTrue(granted("ae@acme.test", "agent:finance"));
    }

    @Test
    void only_changed_tuples_go_to_the_server_and_a_failed_database_write_undoes_them() {
        grants.ceiling("acme", "fin", Set.of("agent:finance"));
        grants.grant("acme", "ae@acme.test", "fin", List.of("agent:finance"));
        grants.grant("acme", "ae@acme.test", "fin", List.of("agent:finance"));
        assertEquals(List.of("+4 -0", "+1 -0"), remoteCalls, "a repeated grant sends nothing");

        var failing = new TupleStore() {
            @Override
            public void write(Collection<Tuple> add) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void delete(Collection<Tuple> remove) {
                store.delete(remove);
            }

            @Override
            public List<Tuple> read(String objectPrefix) {
                return store.read(objectPrefix);
            }

            @Override
            public long version() {
                return store.version();
            }
        };
        remoteCalls.clear();
        assertThrows(
                IllegalStateException.class,
                () -> new TupleAgentGrants(failing, remote)
                        .grant("acme", "jae@acme.test", "fin", List.of("agent:finance")));
        assertEquals(List.of("+1 -0", "+0 -1"), remoteCalls, "written, then undone");
    }
}
