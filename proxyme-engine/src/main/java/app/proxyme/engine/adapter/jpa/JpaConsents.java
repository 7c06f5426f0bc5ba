package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentStatus;
import app.proxyme.domain.port.out.Consents;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Consents in {@code aci_consents}; settling is one conditional update, so one instance settles each. */
final class JpaConsents implements Consents {
    private static final String COLUMNS =
            "consent_id, handoff_id, org, user_email, chain_id, agent_id, missing, reason, status, expires_at, envelope";

    private final Tx tx;

    JpaConsents(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(Consent c) {
        tx.run(em -> em.createNativeQuery("INSERT INTO aci_consents (" + COLUMNS + ")"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, c.consentId())
                .setParameter(2, c.handoffId())
                .setParameter(3, c.org())
                .setParameter(4, c.user())
                .setParameter(5, c.chainId())
                .setParameter(6, c.agent())
                .setParameter(7, JsonText.of(c.missing()))
                .setParameter(8, c.reason())
                .setParameter(9, c.status().name())
                .setParameter(10, c.expiresAt().toEpochMilli())
                .setParameter(11, AciJson.envelope(c.envelope()))
                .executeUpdate());
    }

    @Override
    public Optional<Consent> find(String consentId) {
        return select("WHERE consent_id = ?1", consentId).stream().findFirst();
    }

    @Override
    public Optional<Consent> settle(String consentId, ConsentStatus status) {
        int settled = tx.write(em -> em.createNativeQuery(
                        "UPDATE aci_consents SET status = ?1 WHERE consent_id = ?2 AND status = 'PENDING'")
                .setParameter(1, status.name())
                .setParameter(2, consentId)
                .executeUpdate());
        return settled == 1 ? find(consentId) : Optional.empty();
    }

    @Override
    public List<Consent> pending(String org, String user) {
        return select("WHERE org = ?1 AND user_email = ?2 AND status = 'PENDING' ORDER BY expires_at", org, user);
    }

    @Override
    public List<Consent> due(Instant now) {
        return select("WHERE status = 'PENDING' AND expires_at <= ?1", now.toEpochMilli());
    }

    @Override
    public boolean denied(String org, String chainId, String agent) {
        return !select("WHERE org = ?1 AND chain_id = ?2 AND agent_id = ?3 AND status = 'DENIED'", org, chainId, agent)
                .isEmpty();
    }

    private List<Consent> select(String where, Object... params) {
        return tx.read(em -> {
            var q = em.createNativeQuery("SELECT " + COLUMNS + " FROM aci_consents " + where);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((java.util.List<?>) q.getResultList())
                    .stream()
                            .map(o -> (Object[]) o)
                            .map(r -> new Consent(
                                    (String) r[0],
                                    (String) r[1],
                                    (String) r[2],
                                    (String) r[3],
                                    (String) r[4],
                                    (String) r[5],
                                    JsonText.strings((String) r[6]),
                                    (String) r[7],
                                    ConsentStatus.valueOf((String) r[8]),
                                    Instant.ofEpochMilli(((Number) r[9]).longValue()),
                                    AciJson.envelope((String) r[10])))
                            .toList();
        });
    }
}
