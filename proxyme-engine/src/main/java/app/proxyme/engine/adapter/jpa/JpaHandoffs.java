package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.port.out.Handoffs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chains, hops and inboxes in {@code aci_chains}, {@code aci_hops} and {@code aci_deliveries}. Taking an item deletes
 * its row: of instances racing for one, the database lets exactly one delete it, and only that one hands it out.
 */
final class JpaHandoffs implements Handoffs {
    private final Tx tx;

    JpaHandoffs(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void startChain(Chain c) {
        tx.run(em -> em.createNativeQuery("INSERT INTO aci_chains (chain_id, org, user_email, meeting_id, started_at,"
                        + " revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, c.chainId())
                .setParameter(2, c.org())
                .setParameter(3, c.user())
                .setParameter(4, c.meetingId())
                .setParameter(5, c.startedAt().toEpochMilli())
                .setParameter(6, c.revoked())
                .executeUpdate());
    }

    @Override
    public Optional<Chain> chain(String chainId) {
        return chains("WHERE chain_id = ?1", 1, chainId).stream().findFirst();
    }

    @Override
    public List<Chain> chains(String org, String user, int limit) {
        return user == null
                ? chains("WHERE org = ?1 ORDER BY started_at DESC", limit, org)
                : chains("WHERE org = ?1 AND user_email = ?2 ORDER BY started_at DESC", limit, org, user);
    }

    private List<Chain> chains(String where, int limit, Object... params) {
        return tx.read(em -> {
            var q = em.createNativeQuery(
                    "SELECT org, chain_id, user_email, meeting_id, started_at, revoked FROM aci_chains " + where);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((java.util.List<?>) q.setMaxResults(limit).getResultList())
                    .stream()
                            .map(o -> (Object[]) o)
                            .map(r -> new Chain(
                                    (String) r[0],
                                    (String) r[1],
                                    (String) r[2],
                                    (String) r[3],
                                    Instant.ofEpochMilli(((Number) r[4]).longValue()),
                                    Boolean.TRUE.equals(r[5])))
                            .toList();
        });
    }

    @Override
    public boolean revokeChain(String org, String chainId) {
        return tx.write(em -> {
            int revoked = em.createNativeQuery(
                            "UPDATE aci_chains SET revoked = TRUE WHERE org = ?1 AND chain_id = ?2 AND revoked = FALSE")
                    .setParameter(1, org)
                    .setParameter(2, chainId)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM aci_deliveries WHERE org = ?1 AND chain_id = ?2")
                    .setParameter(1, org)
                    .setParameter(2, chainId)
                    .executeUpdate();
            return revoked == 1;
        });
    }

    @Override
    public void save(Hop hop) {
        tx.run(em -> {
            int updated = em.createNativeQuery("UPDATE aci_hops SET hop = ?1 WHERE handoff_id = ?2")
                    .setParameter(1, AciJson.hop(hop))
                    .setParameter(2, hop.handoffId())
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO aci_hops (handoff_id, org, chain_id, hop_at, hop)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, hop.handoffId())
                        .setParameter(2, hop.org())
                        .setParameter(3, hop.chainId())
                        .setParameter(4, hop.at().toEpochMilli())
                        .setParameter(5, AciJson.hop(hop))
                        .executeUpdate();
            }
        });
    }

    @Override
    public Optional<Hop> hop(String handoffId) {
        List<?> rows = tx.read(em -> em.createNativeQuery("SELECT hop FROM aci_hops WHERE handoff_id = ?1")
                .setParameter(1, handoffId)
                .getResultList());
        return rows.stream().map(r -> AciJson.hop((String) r)).findFirst();
    }

    @Override
    public List<Hop> hops(String org, String chainId) {
        List<?> rows = tx.read(em -> em.createNativeQuery(
                        "SELECT hop FROM aci_hops WHERE org = ?1 AND chain_id = ?2 ORDER BY hop_at, handoff_id")
                .setParameter(1, org)
                .setParameter(2, chainId)
                .getResultList());
        return rows.stream().map(r -> AciJson.hop((String) r)).toList();
    }

    @Override
    public int recentHops(String org, String chainId, Instant since) {
        return tx.read(em -> ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM aci_hops WHERE org = ?1 AND chain_id = ?2 AND hop_at >= ?3")
                        .setParameter(1, org)
                        .setParameter(2, chainId)
                        .setParameter(3, since.toEpochMilli())
                        .getSingleResult())
                .intValue());
    }

    @Override
    public void deliver(Delivery d) {
        tx.run(em -> em.createNativeQuery("INSERT INTO aci_deliveries (handoff_id, org, agent_id, chain_id, user_email,"
                        + " created_at, envelope) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, d.handoffId())
                .setParameter(2, d.org())
                .setParameter(3, d.agent())
                .setParameter(4, d.chainId())
                .setParameter(5, d.envelope().auth().user())
                .setParameter(6, System.currentTimeMillis())
                .setParameter(7, AciJson.envelope(d.envelope()))
                .executeUpdate());
    }

    @Override
    public List<Delivery> take(String org, String agent, int max) {
        return tx.write(em -> {
            List<?> rows = em.createNativeQuery("SELECT handoff_id, chain_id, envelope FROM aci_deliveries"
                            + " WHERE org = ?1 AND agent_id = ?2 ORDER BY created_at, handoff_id")
                    .setParameter(1, org)
                    .setParameter(2, agent)
                    .setMaxResults(max)
                    .getResultList();
            var taken = new ArrayList<Delivery>();
            for (Object o : rows) {
                Object[] r = (Object[]) o;
                int deleted = em.createNativeQuery("DELETE FROM aci_deliveries WHERE handoff_id = ?1")
                        .setParameter(1, r[0])
                        .executeUpdate();
                if (deleted == 1) {
                    taken.add(new Delivery((String) r[0], org, agent, (String) r[1], AciJson.envelope((String) r[2])));
                }
            }
            return taken;
        });
    }

    @Override
    public int withdraw(String org, String user, String agent) {
        return tx.write(em -> em.createNativeQuery(
                        "DELETE FROM aci_deliveries WHERE org = ?1 AND user_email = ?2 AND agent_id = ?3")
                .setParameter(1, org)
                .setParameter(2, user)
                .setParameter(3, agent)
                .executeUpdate());
    }
}
