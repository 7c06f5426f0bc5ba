package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.port.out.OpenChunks;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open-chunk index, kept in the audit append's own transaction: a {@code chunk} event opens its chunk, the
 * chunk's {@code decision} closes it, and a {@code chunk_abandoned} event closes the one it names
 * ({@code detail.chunkEvent}) — or fails its append when that chunk is no longer open (decided, or abandoned by
 * another process meanwhile), so that no chunk is abandoned twice or after its decision.
 */
final class OpenChunkIndex implements OpenChunks {
    /** A {@code chunk_abandoned} event for a chunk that is not open: its append fails and nothing is stored. */
    static final class NotOpen extends IllegalStateException {
        NotOpen(String chunkEvent) {
            super("chunk event " + chunkEvent + " is not open (decided or abandoned already)");
        }
    }

    private final Tx tx;
    private final String instance;

    /** @param instance this instance's id: the holder of the chunks it accepts */
    OpenChunkIndex(Tx tx, String instance) {
        this.tx = tx;
        this.instance = instance;
    }

    /** What one append transaction opened, so that a decision in the same transaction closes it without a query. */
    static final class InTransaction {
        private final Map<String, OpenChunkEntity> opened = new HashMap<>();
        private final String instance;

        InTransaction(String instance) {
            this.instance = instance;
        }

        /** Applies {@code record} to the index, in the transaction of {@code em}. */
        void track(EntityManager em, AuditRecord record) {
            AuditEntry e = record.entry();
            switch (e.type()) {
                case CHUNK -> open(em, record, e);
                case DECISION -> close(em, e);
                case CHUNK_ABANDONED -> abandon(em, e);
                default -> {}
            }
        }

        private void open(EntityManager em, AuditRecord record, AuditEntry e) {
            Long seq = chunkSeq(e);
            if (seq == null || e.meeting() == null || e.user() == null) {
                return;
            }
            var row = new OpenChunkEntity(
                    record.id(),
                    e.org(),
                    e.meeting(),
                    e.user(),
                    seq,
                    record.ts().toEpochMilli(),
                    instance);
            em.persist(row);
            opened.put(key(e.org(), e.meeting(), e.user(), seq), row);
        }

        private void close(EntityManager em, AuditEntry e) {
            Long seq = chunkSeq(e);
            if (seq == null || e.meeting() == null || e.user() == null) {
                return;
            }
            OpenChunkEntity here = opened.remove(key(e.org(), e.meeting(), e.user(), seq));
            if (here != null) {
                em.remove(here);
            }
            em.createQuery("delete from OpenChunkEntity o where o.org = :org and o.meetingId = :m"
                            + " and o.member = :u and o.chunkSeq = :seq")
                    .setParameter("org", e.org())
                    .setParameter("m", e.meeting())
                    .setParameter("u", e.user())
                    .setParameter("seq", seq)
                    .executeUpdate();
        }

        private static void abandon(EntityManager em, AuditEntry e) {
            Object chunkEvent = e.detail().get("chunkEvent");
            if (!(chunkEvent instanceof String id)) {
                throw new IllegalArgumentException("a chunk_abandoned event names its chunk event (detail.chunkEvent)");
            }
            int deleted = em.createQuery("delete from OpenChunkEntity o where o.chunkEvent = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            if (deleted == 0) {
                throw new NotOpen(id);
            }
        }

        private static Long chunkSeq(AuditEntry e) {
            return e.detail().get("chunkSeq") instanceof Number n ? n.longValue() : null;
        }

        private static String key(String org, String meeting, String member, long seq) {
            return org + '\u0000' + meeting + '\u0000' + member + '\u0000' + seq;
        }
    }

    @Override
    public List<OpenChunk> acceptedBefore(Instant cutoff, int limit) {
        return tx.read(em -> em
                .createQuery(
                        "select o from OpenChunkEntity o where o.acceptedAt < :cutoff order by o.acceptedAt",
                        OpenChunkEntity.class)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(OpenChunkIndex::toOpenChunk)
                .toList());
    }

    @Override
    public List<OpenChunk> acceptedElsewhere(String org, String meetingId, String member) {
        return tx.read(em -> em
                .createQuery(
                        "select o from OpenChunkEntity o where o.org = :org and o.meetingId = :m and o.member = :u"
                                + " and (o.instance is null or o.instance <> :self) order by o.acceptedAt",
                        OpenChunkEntity.class)
                .setParameter("org", org)
                .setParameter("m", meetingId)
                .setParameter("u", member)
                .setParameter("self", instance)
                .getResultList()
                .stream()
                .map(OpenChunkIndex::toOpenChunk)
                .toList());
    }

    @Override
    public String instance() {
        return instance;
    }

    private static OpenChunk toOpenChunk(OpenChunkEntity o) {
        return new OpenChunk(
                o.org, o.meetingId, o.member, o.chunkSeq, o.chunkEvent, Instant.ofEpochMilli(o.acceptedAt), o.instance);
    }
}
