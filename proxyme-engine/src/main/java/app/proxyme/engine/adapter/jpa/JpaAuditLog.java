package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.pipeline.Ids;
import app.proxyme.domain.port.AuditLog;
import app.proxyme.domain.port.DependencyUnavailableException;
import app.proxyme.engine.audit.AuditJson;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The hash-chained audit log. One {@code append} is one transaction: it locks the head row of each organisation
 * involved ({@code SELECT ... FOR UPDATE}, in a fixed order), so that concurrent writers, in this process or
 * another, chain their events one after the other without gaps.
 */
final class JpaAuditLog implements AuditLog {
    private final Tx tx;
    private final Clock clock;

    JpaAuditLog(Tx tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Signals that an organisation has no chain head yet: it is created, then the append is retried. */
    private static final class MissingHead extends RuntimeException {
        final String org;

        MissingHead(String org) {
            super(null, null, false, false);
            this.org = org;
        }
    }

    @Override
    public List<AuditRecord> append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.write(em -> appendLocked(em, entries));
            } catch (MissingHead missing) {
                if (attempt > 10) {
                    throw new DependencyUnavailableException(Tx.DEPENDENCY, "cannot create the audit head");
                }
                createHead(missing.org);
            }
        }
    }

    private List<AuditRecord> appendLocked(EntityManager em, List<AuditEntry> entries) {
        var heads = new HashMap<String, AuditHeadEntity>();
        for (String org : new TreeSet<>(entries.stream().map(AuditEntry::org).toList())) {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, org, LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                throw new MissingHead(org);
            }
            heads.put(org, head);
        }
        var meetingHeads = new HashMap<OrgKey, MeetingHeadEntity>();
        var records = new ArrayList<AuditRecord>(entries.size());
        for (AuditEntry entry : entries) {
            AuditHeadEntity head = heads.get(entry.org());
            MeetingHeadEntity meetingHead = entry.meeting() == null ? null : meetingHead(em, meetingHeads, entry);
            long seq = head.lastSeq + 1;
            String id = Ids.next("ev");
            Instant ts = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String meetingPrev = meetingHead == null ? null : meetingHead.lastHash;
            String hash = AuditJson.hash(id, seq, ts, entry, head.lastHash, meetingPrev);
            var record = new AuditRecord(id, seq, ts, entry, head.lastHash, meetingPrev, hash);
            em.persist(AuditEventMapper.toEntity(record));
            head.lastSeq = seq;
            head.lastHash = hash;
            if (meetingHead != null) {
                meetingHead.lastHash = hash;
            }
            records.add(record);
        }
        return List.copyOf(records);
    }

    private static MeetingHeadEntity meetingHead(EntityManager em, Map<OrgKey, MeetingHeadEntity> known,
            AuditEntry entry) {
        return known.computeIfAbsent(new OrgKey(entry.org(), entry.meeting()), key -> {
            // Safe without its own lock: meeting heads change only under their organisation head's lock.
            MeetingHeadEntity h = em.find(MeetingHeadEntity.class, key);
            if (h == null) {
                h = new MeetingHeadEntity(entry.org(), entry.meeting(), AuditRecord.GENESIS);
                em.persist(h);
            }
            return h;
        });
    }

    private void createHead(String org) {
        try {
            tx.run(em -> {
                if (em.find(AuditHeadEntity.class, org) == null) {
                    em.persist(new AuditHeadEntity(org, 0, AuditRecord.GENESIS));
                }
            });
        } catch (DependencyUnavailableException e) {
            // another writer created it first; the retry finds it
        }
    }

    @Override
    public List<AuditRecord> meeting(String org, String meetingId) {
        return tx.read(em -> em.createQuery("select e from AuditEventEntity e where e.org = :org"
                        + " and e.meetingId = :m order by e.seq", AuditEventEntity.class)
                .setParameter("org", org)
                .setParameter("m", meetingId)
                .getResultList().stream().map(AuditEventMapper::toRecord).toList());
    }

    /** The organisation's events with {@code fromSeq <= seq <= toSeq}, oldest first. */
    List<AuditRecord> range(String org, long fromSeq, long toSeq) {
        return tx.read(em -> em.createQuery("select e from AuditEventEntity e where e.org = :org"
                        + " and e.seq >= :from and e.seq <= :to order by e.seq", AuditEventEntity.class)
                .setParameter("org", org)
                .setParameter("from", fromSeq)
                .setParameter("to", toSeq)
                .getResultList().stream().map(AuditEventMapper::toRecord).toList());
    }
}
