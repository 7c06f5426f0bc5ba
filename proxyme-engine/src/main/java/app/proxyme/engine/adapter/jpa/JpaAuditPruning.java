package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.engine.audit.format.AuditJson;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Retention's side of the audit table. A deletion locks the organisation's chain head (appends wait), checks that a
 * checkpoint names the cut and vouches for every meeting it goes through, deletes, and records how far the chain is
 * pruned. On PostgreSQL all of that is the function {@code audit_prune} (owned by the migration role, SECURITY
 * DEFINER), since the runtime role may not delete audit events itself; on H2 it is done here, under the session flag
 * that the append-only trigger ({@link H2AuditAppendOnly}) requires together with a covering checkpoint.
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
    public SortedMap<String, String> meetingCuts(String org, long throughSeq) {
        return tx.read(em -> meetingCuts(em, org, throughSeq));
    }

    /** Each meeting whose first event after the cut links to an event at or before it, and that event's hash. */
    static SortedMap<String, String> meetingCuts(EntityManager em, String org, long throughSeq) {
        List<Object[]> firsts = em.createQuery(
                        "select e.meetingId, min(e.seq) from AuditEventEntity e where e.org = :org"
                                + " and e.seq > :seq and e.meetingId is not null group by e.meetingId",
                        Object[].class)
                .setParameter("org", org)
                .setParameter("seq", throughSeq)
                .getResultList();
        var seqs = new ArrayList<Long>(firsts.size());
        firsts.forEach(row -> seqs.add(((Number) row[1]).longValue()));
        var cuts = new TreeMap<String, String>();
        for (int from = 0; from < seqs.size(); from += 500) {
            em.createQuery(
                            "select e.meetingId, e.meetingPrev from AuditEventEntity e where e.org = :org"
                                    + " and e.seq in :seqs",
                            Object[].class)
                    .setParameter("org", org)
                    .setParameter("seqs", seqs.subList(from, Math.min(seqs.size(), from + 500)))
                    .getResultList()
                    .forEach(row -> {
                        if (row[1] != null && !AuditRecord.GENESIS.equals(row[1])) {
                            cuts.put((String) row[0], (String) row[1]);
                        }
                    });
        }
        return cuts;
    }

    @Override
    public long deleteThrough(String org, long throughSeq) {
        if (postgres) {
            return tx.write(em -> ((Number) em.createNativeQuery("SELECT audit_prune(?1, ?2)")
                            .setParameter(1, org)
                            .setParameter(2, throughSeq)
                            .getSingleResult())
                    .longValue());
        }
        return tx.write(em -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, org, LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                throw new IllegalStateException("organisation " + org + " has no audit chain");
            }
            Map<String, Object> checkpoint = checkpointOf(em, org, throughSeq);
            if (checkpoint == null) {
                throw new IllegalStateException(
                        "no checkpoint of " + org + " names the cut after seq " + throughSeq + ": nothing deleted");
            }
            Object vouched = checkpoint.getOrDefault("meetings", Map.of());
            meetingCuts(em, org, throughSeq).forEach((meeting, hash) -> {
                if (!(vouched instanceof Map<?, ?> m) || !hash.equals(m.get(meeting))) {
                    throw new IllegalStateException("the checkpoint of the cut after seq " + throughSeq
                            + " does not vouch for where meeting " + meeting + " goes on: nothing deleted");
                }
            });
            em.createNativeQuery("SET " + H2AuditAppendOnly.FLAG + " = 'on'").executeUpdate();
            long deleted;
            try {
                deleted = em.createQuery("delete from AuditEventEntity e where e.org = :org and e.seq <= :seq")
                        .setParameter("org", org)
                        .setParameter("seq", throughSeq)
                        .executeUpdate();
            } finally {
                em.createNativeQuery("SET " + H2AuditAppendOnly.FLAG + " = NULL")
                        .executeUpdate();
            }
            head.prunedThrough = Math.max(head.prunedThrough, throughSeq);
            return deleted;
        });
    }

    /** The detail of the latest checkpoint that names the cut after {@code throughSeq}, or {@code null}. */
    private static Map<String, Object> checkpointOf(EntityManager em, String org, long throughSeq) {
        List<String> details = em.createQuery(
                        "select e.detailJson from AuditEventEntity e where e.org = :org"
                                + " and e.type = 'checkpoint' and e.seq > :seq order by e.seq desc",
                        String.class)
                .setParameter("org", org)
                .setParameter("seq", throughSeq)
                .getResultList();
        for (String json : details) {
            Map<String, Object> d = AuditJson.parseDetail(json);
            if (d.get("lastPrunedSeq") instanceof Number n && n.longValue() == throughSeq) {
                return d;
            }
        }
        return null;
    }
}
