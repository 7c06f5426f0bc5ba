package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.audit.format.AuditJson;
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
 * another, chain their events one after the other without gaps. A meeting's link ({@code meetingPrev}) is the hash
 * of the meeting's last event; this log remembers those it wrote, and forgets an organisation's as soon as the head
 * shows that another writer appended. Appends must come from one thread at a time ({@link GroupCommitAuditLog}).
 */
final class JpaAuditLog implements AuditLog {
    private static final String KEY_SEPARATOR = "\u0000";
    private static final int REMEMBERED_MEETINGS = 10_000;

    private final Tx tx;
    private final Clock clock;
    private final String instance;
    /** Per organisation, the last seq this log committed; while it is the head, {@link #meetingHashes} holds. */
    private final Map<String, Long> committedSeq = new HashMap<>();
    /** Per organisation, how far retention had pruned when this log last committed (meeting ends may be gone). */
    private final Map<String, Long> prunedThrough = new HashMap<>();
    /** The last hash of recently used meetings ({@code org NUL meeting}), least recently used dropped first. */
    private final Map<String, String> meetingHashes = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_MEETINGS;
        }
    };

    /** @param instance this instance's id, recorded as the holder of the chunks it accepts */
    JpaAuditLog(Tx tx, Clock clock, String instance) {
        this.tx = tx;
        this.clock = clock;
        this.instance = instance;
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
        return append(entries, entries.stream().map(e -> Ids.next("ev")).toList(), false);
    }

    /**
     * Appends the entries as the events {@code ids} (one per entry), in one transaction. The ids make an append
     * idempotent: with {@code mayBeStored} (a retry after a commit whose outcome is unknown), events already stored
     * under these ids are returned as stored instead of being appended a second time; the primary key on the id
     * guarantees that no event is ever stored twice.
     */
    List<AuditRecord> append(List<AuditEntry> entries, List<String> ids, boolean mayBeStored) {
        if (entries.size() != ids.size()) {
            throw new IllegalArgumentException(entries.size() + " entries, " + ids.size() + " ids");
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return appendOnce(entries, ids, mayBeStored);
            } catch (MissingHead missing) {
                if (attempt > 10) {
                    throw new DependencyUnavailableException(Tx.DEPENDENCY, "cannot create the audit head");
                }
                createHead(missing.org);
            }
        }
    }

    /** What one transaction appended, and the chain ends it leaves (applied to the caches once committed). */
    private record Appended(
            List<AuditRecord> records,
            Map<String, Long> seqs,
            Map<String, Long> pruned,
            Map<String, String> meetingHashes) {}

    /**
     * Runs after each committed append, before its caller learns of it (tests: a commit whose acknowledgement is
     * lost, so that the committer cannot tell whether it was stored).
     */
    volatile java.util.function.Consumer<List<AuditRecord>> afterCommit = records -> {};

    private List<AuditRecord> appendOnce(List<AuditEntry> entries, List<String> ids, boolean mayBeStored) {
        Appended done = tx.write(em -> appendLocked(em, entries, ids, mayBeStored));
        afterCommit.accept(done.records());
        committedSeq.putAll(done.seqs());
        prunedThrough.putAll(done.pruned());
        meetingHashes.putAll(done.meetingHashes());
        return done.records();
    }

    private Appended appendLocked(EntityManager em, List<AuditEntry> entries, List<String> ids, boolean mayBeStored) {
        if (mayBeStored) {
            List<AuditRecord> stored = stored(em, ids);
            if (stored.size() == ids.size()) {
                return new Appended(stored, Map.of(), Map.of(), Map.of());
            }
            if (!stored.isEmpty()) {
                throw new IllegalStateException(
                        "only " + stored.size() + " of " + ids.size() + " events of one append are stored");
            }
        }
        var heads = new HashMap<String, AuditHeadEntity>();
        for (String org : new TreeSet<>(entries.stream().map(AuditEntry::org).toList())) {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, org, LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                throw new MissingHead(org);
            }
            if (!Long.valueOf(head.lastSeq).equals(committedSeq.get(org))
                    || !Long.valueOf(head.prunedThrough).equals(prunedThrough.get(org))) {
                // someone else (another process) appended since, or retention pruned: what this log remembers of
                // meetings is stale
                meetingHashes.keySet().removeIf(k -> k.startsWith(org + KEY_SEPARATOR));
            }
            heads.put(org, head);
        }
        var meetingEnds = new HashMap<String, String>();
        var records = new ArrayList<AuditRecord>(entries.size());
        var openChunks = new OpenChunkIndex.InTransaction(instance);
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            AuditHeadEntity head = heads.get(entry.org());
            String meetingKey = entry.meeting() == null ? null : entry.org() + KEY_SEPARATOR + entry.meeting();
            String meetingPrev = meetingKey == null
                    ? null
                    : meetingEnds.computeIfAbsent(meetingKey, k -> lastMeetingHash(em, entry));
            long seq = head.lastSeq + 1;
            String id = ids.get(i);
            Instant ts = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String hash = AuditJson.hash(id, seq, ts, entry, head.lastHash, meetingPrev);
            var record = new AuditRecord(id, seq, ts, entry, head.lastHash, meetingPrev, hash);
            em.persist(AuditEventMapper.toEntity(record));
            openChunks.track(em, record);
            head.lastSeq = seq;
            head.lastHash = hash;
            if (meetingKey != null) {
                meetingEnds.put(meetingKey, hash);
            }
            records.add(record);
        }
        var seqs = new HashMap<String, Long>();
        var pruned = new HashMap<String, Long>();
        heads.forEach((org, head) -> {
            seqs.put(org, head.lastSeq);
            pruned.put(org, head.prunedThrough);
        });
        return new Appended(List.copyOf(records), seqs, pruned, meetingEnds);
    }

    /** The events stored under {@code ids}, in the order of {@code ids} (those not stored left out). */
    private static List<AuditRecord> stored(EntityManager em, List<String> ids) {
        var byId = new HashMap<String, AuditRecord>();
        for (int from = 0; from < ids.size(); from += 500) {
            em.createQuery("select e from AuditEventEntity e where e.id in :ids", AuditEventEntity.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .getResultList()
                    .forEach(e -> byId.put(e.id, AuditEventMapper.toRecord(e)));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The hash of the meeting's last event (genesis for a new meeting): remembered from this log's own commits while
     * nobody else appended to the organisation, else read (safe: the organisation head is locked).
     */
    private String lastMeetingHash(EntityManager em, AuditEntry entry) {
        String known = meetingHashes.get(entry.org() + KEY_SEPARATOR + entry.meeting());
        if (known != null) {
            return known;
        }
        List<String> last = em.createQuery(
                        "select e.hash from AuditEventEntity e where e.org = :org"
                                + " and e.meetingId = :m order by e.seq desc",
                        String.class)
                .setParameter("org", entry.org())
                .setParameter("m", entry.meeting())
                .setMaxResults(1)
                .getResultList();
        return last.isEmpty() ? AuditRecord.GENESIS : last.get(0);
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
        return tx.read(em -> em
                .createQuery(
                        "select e from AuditEventEntity e where e.org = :org" + " and e.meetingId = :m order by e.seq",
                        AuditEventEntity.class)
                .setParameter("org", org)
                .setParameter("m", meetingId)
                .getResultList()
                .stream()
                .map(AuditEventMapper::toRecord)
                .toList());
    }

    /** Read backwards along the meeting's index ({@code org, meeting_id, seq}), the member's chunk events only. */
    @Override
    public List<AuditRecord> latestChunks(String org, String meetingId, String user, int limit) {
        return tx.read(em -> em
                .createQuery(
                        "select e from AuditEventEntity e where e.org = :org and e.meetingId = :m"
                                + " and e.member = :u and e.type = :t order by e.seq desc",
                        AuditEventEntity.class)
                .setParameter("org", org)
                .setParameter("m", meetingId)
                .setParameter("u", user)
                .setParameter("t", AuditType.CHUNK.wire())
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(AuditEventMapper::toRecord)
                .toList());
    }

    /** The organisation's events with {@code fromSeq <= seq <= toSeq}, oldest first. */
    List<AuditRecord> range(String org, long fromSeq, long toSeq) {
        return tx.read(em -> em
                .createQuery(
                        "select e from AuditEventEntity e where e.org = :org"
                                + " and e.seq >= :from and e.seq <= :to order by e.seq",
                        AuditEventEntity.class)
                .setParameter("org", org)
                .setParameter("from", fromSeq)
                .setParameter("to", toSeq)
                .getResultList()
                .stream()
                .map(AuditEventMapper::toRecord)
                .toList());
    }
}
