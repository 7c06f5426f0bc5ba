package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.port.out.AgentRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Agents in the {@code aci_agents} table, the client secret only as its hash. */
final class JpaAgentRegistry implements AgentRegistry {
    private static final String COLUMNS =
            "org, agent_id, name, agent_domain, ceiling, jwk, auth0_client_id, enabled, client_id, secret_hash";

    private final Tx tx;
    private final Clock clock;

    JpaAgentRegistry(Tx tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void register(Agent a, Credentials c) {
        int inserted = tx.write(em -> em.createNativeQuery("INSERT INTO aci_agents (" + COLUMNS + ", created_at)"
                        + " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 WHERE NOT EXISTS"
                        + " (SELECT 1 FROM aci_agents WHERE org = ?1 AND agent_id = ?2)")
                .setParameter(1, a.org())
                .setParameter(2, a.id())
                .setParameter(3, a.name())
                .setParameter(4, a.domain())
                .setParameter(5, JsonText.of(List.copyOf(a.ceiling())))
                .setParameter(6, a.jwk())
                .setParameter(7, a.auth0ClientId())
                .setParameter(8, a.enabled())
                .setParameter(9, c.clientId())
                .setParameter(10, c.secretHash())
                .setParameter(11, clock.millis())
                .executeUpdate());
        if (inserted != 1) {
            throw DomainException.conflict("agent " + a.id() + " is already registered");
        }
    }

    @Override
    public Optional<Agent> find(String org, String id) {
        return select("WHERE org = ?1 AND agent_id = ?2", org, id).stream()
                .findFirst()
                .map(Row::agent);
    }

    @Override
    public List<Agent> list(String org) {
        return select("WHERE org = ?1 ORDER BY agent_id", org).stream()
                .map(Row::agent)
                .toList();
    }

    @Override
    public boolean disable(String org, String id) {
        return tx.write(em -> em.createNativeQuery(
                                "UPDATE aci_agents SET enabled = FALSE WHERE org = ?1 AND agent_id = ?2")
                        .setParameter(1, org)
                        .setParameter(2, id)
                        .executeUpdate())
                == 1;
    }

    @Override
    public Optional<Credentials> credentials(String clientId) {
        return select("WHERE client_id = ?1", clientId).stream().findFirst().map(Row::credentials);
    }

    @Override
    public Optional<Agent> byAuth0Client(String auth0ClientId) {
        return select("WHERE auth0_client_id = ?1", auth0ClientId).stream()
                .findFirst()
                .map(Row::agent);
    }

    private List<Row> select(String where, Object... params) {
        return tx.read(em -> {
            var q = em.createNativeQuery("SELECT " + COLUMNS + " FROM aci_agents " + where);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((java.util.List<?>) q.getResultList())
                    .stream().map(r -> new Row((Object[]) r)).toList();
        });
    }

    private record Row(Object[] r) {
        Agent agent() {
            return new Agent(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    new HashSet<>(JsonText.strings((String) r[4])),
                    (String) r[5],
                    (String) r[6],
                    Boolean.TRUE.equals(r[7]));
        }

        Credentials credentials() {
            return new Credentials((String) r[8], (String) r[0], (String) r[1], (String) r[9]);
        }
    }
}
