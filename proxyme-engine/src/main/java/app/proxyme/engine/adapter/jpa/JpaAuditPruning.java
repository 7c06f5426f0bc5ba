package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.port.out.AuditPruning;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Retention's side of the audit table. On PostgreSQL the deletion runs under the transaction-local flag
 * {@code proxyme.audit_retention}, which the append-only trigger requires together with a covering checkpoint.
 */
final class JpaAuditPruning implements AuditPruning {
    private final Tx tx;
    private final boolean postgres;

    JpaAuditPruning(Tx tx, boolean postgres) {
        this.tx = tx;
        this.postgres = postgres;
    }

    @Override
    public Map<String, Integer> retentionDays() {
        var days = new LinkedHashMap<String, Integer>();
        tx.read(em -> em.createQuery(
                                "select s from SettingsEntity s where s.auditRetentionDays is not null"
                                        + " order by s.org",
                                SettingsEntity.class)
                        .getResultList())
                .forEach(s -> days.put(s.org, s.auditRetentionDays));
        return days;
    }

    @Override
    public OptionalLong lastSeqBefore(String org, Instant cutoff) {
        Object max = tx.read(em -> em.createQuery(
                        "select max(e.seq) from AuditEventEntity e where e.org = :org" + " and e.ts < :cutoff")
                .setParameter("org", org)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .getSingleResult());
        return max == null ? OptionalLong.empty() : OptionalLong.of(((Number) max).longValue());
    }

    @Override
    public long deleteThrough(String org, long throughSeq) {
        return tx.write(em -> {
            if (postgres) {
                em.createNativeQuery("SELECT set_config('proxyme.audit_retention', 'on', true)")
                        .getSingleResult();
            }
            return (long) em.createQuery("delete from AuditEventEntity e where e.org = :org and e.seq <= :seq")
                    .setParameter("org", org)
                    .setParameter("seq", throughSeq)
                    .executeUpdate();
        });
    }
}
