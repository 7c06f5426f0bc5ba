package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditFilter;
import app.proxyme.domain.audit.AuditHead;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.SeqSpan;
import app.proxyme.domain.port.out.AuditReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads audit chains in pages, each page its own short read (keyset on {@code seq}, no open cursor). */
final class JpaAuditReader implements AuditReader {
    private final Tx tx;

    JpaAuditReader(Tx tx) {
        this.tx = tx;
    }

    @Override
    public AuditHead head(String org) {
        return tx.read(em -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, org);
            return head == null ? new AuditHead(0, AuditRecord.GENESIS) : new AuditHead(head.lastSeq, head.lastHash);
        });
    }

    @Override
    public List<AuditRecord> page(String org, String meeting, long afterSeq, long toSeq, int limit) {
        String jpql = "select e from AuditEventEntity e where e.org = :org"
                + (meeting == null ? "" : " and e.meetingId = :m")
                + " and e.seq > :after and e.seq <= :to order by e.seq";
        return tx.read(em -> {
            var q = em.createQuery(jpql, AuditEventEntity.class)
                    .setParameter("org", org)
                    .setParameter("after", afterSeq)
                    .setParameter("to", toSeq)
                    .setMaxResults(limit);
            if (meeting != null) {
                q.setParameter("m", meeting);
            }
            return q.getResultList().stream().map(AuditEventMapper::toRecord).toList();
        });
    }

    @Override
    public List<AuditRecord> search(String org, AuditFilter filter, long afterSeq, long beforeSeq, int limit) {
        var where = new StringBuilder("select e from AuditEventEntity e where e.org = :org");
        var values = new LinkedHashMap<String, Object>();
        values.put("org", org);
        condition(where, values, "meetingId", filter.meeting());
        condition(where, values, "member", filter.member());
        condition(where, values, "topic", filter.topic());
        condition(where, values, "outcome", filter.outcome());
        condition(where, values, "layer", filter.layer());
        condition(
                where,
                values,
                "type",
                filter.type() == null ? null : filter.type().wire());
        where.append(" and e.seq > :after and e.seq < :before order by e.seq desc");
        values.put("after", afterSeq);
        values.put("before", beforeSeq);
        return tx.read(em -> {
            var q = em.createQuery(where.toString(), AuditEventEntity.class).setMaxResults(limit);
            values.forEach(q::setParameter);
            return q.getResultList().stream().map(AuditEventMapper::toRecord).toList();
        });
    }

    /** {@code and e.<field> = :<field>} when the value is given; the field names are ours, never the caller's. */
    private static void condition(StringBuilder where, Map<String, Object> values, String field, String value) {
        if (value != null) {
            where.append(" and e.").append(field).append(" = :").append(field);
            values.put(field, value);
        }
    }

    @Override
    public List<AuditRecord> checkpoints(String org, long afterSeq, int limit) {
        return tx.read(em -> em
                .createQuery(
                        "select e from AuditEventEntity e where e.org = :org and e.type = 'checkpoint'"
                                + " and e.seq > :after order by e.seq",
                        AuditEventEntity.class)
                .setParameter("org", org)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(AuditEventMapper::toRecord)
                .toList());
    }

    @Override
    public Optional<SeqSpan> span(String org, Instant from, Instant to) {
        Object[] row = tx.read(em -> (Object[]) em.createQuery("select min(e.seq), max(e.seq) from AuditEventEntity e"
                        + " where e.org = :org and e.ts >= :from and e.ts < :to")
                .setParameter("org", org)
                .setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli())
                .getSingleResult());
        if (row == null || row[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new SeqSpan(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }
}
