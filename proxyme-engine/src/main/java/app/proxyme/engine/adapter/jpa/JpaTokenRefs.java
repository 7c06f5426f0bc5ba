package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.aci.TokenRef;
import app.proxyme.domain.port.out.TokenRefs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Token references in {@code aci_token_refs}, read from the database on every hop: a revocation committed by any
 * instance ends a reference for all of them at once.
 */
final class JpaTokenRefs implements TokenRefs {
    private final Tx tx;

    JpaTokenRefs(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(TokenRef t) {
        tx.run(em -> em.createNativeQuery(
                        "INSERT INTO aci_token_refs (ref, org, user_email, agent_id, chain_id,"
                                + " permissions, redlines, max_depth, expires_at, revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, t.ref())
                .setParameter(2, t.org())
                .setParameter(3, t.user())
                .setParameter(4, t.agent())
                .setParameter(5, t.chainId())
                .setParameter(6, JsonText.of(t.permissions()))
                .setParameter(7, JsonText.of(t.redlines()))
                .setParameter(8, t.maxDepth())
                .setParameter(9, t.expiresAt().toEpochMilli())
                .setParameter(10, t.revoked())
                .executeUpdate());
    }

    @Override
    public Optional<TokenRef> find(String ref) {
        List<?> rows =
                tx.read(em -> em.createNativeQuery("SELECT ref, org, user_email, agent_id, chain_id, permissions,"
                                + " redlines, max_depth, expires_at, revoked FROM aci_token_refs WHERE ref = ?1")
                        .setParameter(1, ref)
                        .getResultList());
        return rows.stream()
                .map(o -> (Object[]) o)
                .map(r -> new TokenRef(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        JsonText.strings((String) r[5]),
                        JsonText.strings((String) r[6]),
                        ((Number) r[7]).intValue(),
                        Instant.ofEpochMilli(((Number) r[8]).longValue()),
                        (String) r[9]))
                .findFirst();
    }

    @Override
    public int revokeChain(String org, String chainId, String reason) {
        return revoke("org = ?2 AND chain_id = ?3", reason, org, chainId);
    }

    @Override
    public int revokeHolder(String org, String user, String agent, String reason) {
        return revoke("org = ?2 AND agent_id = ?3 AND user_email = ?4", reason, org, agent, user);
    }

    @Override
    public int revokeAgent(String org, String agent, String reason) {
        return revoke("org = ?2 AND agent_id = ?3", reason, org, agent);
    }

    private int revoke(String where, String reason, Object... params) {
        return tx.write(em -> {
            var q = em.createNativeQuery("UPDATE aci_token_refs SET revoked = ?1 WHERE revoked IS NULL AND " + where)
                    .setParameter(1, reason);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 2, params[i]);
            }
            return q.executeUpdate();
        });
    }
}
