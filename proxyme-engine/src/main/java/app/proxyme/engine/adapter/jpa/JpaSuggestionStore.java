package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.port.out.SuggestionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Suggestions and approvals; claiming and deciding are each one conditional UPDATE, so of concurrent claimants exactly
 * one wins, and only its holder decides.
 */
final class JpaSuggestionStore implements SuggestionStore {
    private final Tx tx;

    JpaSuggestionStore(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(Suggestion s) {
        tx.run(em -> {
            SuggestionEntity e = em.find(SuggestionEntity.class, s.id());
            if (e == null) {
                e = new SuggestionEntity();
                e.id = s.id();
                copy(s, e);
                em.persist(e);
            } else {
                copy(s, e);
            }
        });
    }

    @Override
    public Optional<Suggestion> byApproval(String approvalId) {
        return tx.read(
                em -> em.createQuery("select s from SuggestionEntity s where s.approvalId = :a", SuggestionEntity.class)
                        .setParameter("a", approvalId)
                        .getResultStream()
                        .findFirst()
                        .map(JpaSuggestionStore::toSuggestion));
    }

    /** One conditional UPDATE: pending, and unclaimed or claimed before {@code takeOverBefore}. */
    @Override
    public Optional<Suggestion> claim(String approvalId, String claim, Instant at, Instant takeOverBefore) {
        int updated = tx.write(em -> em.createQuery("update SuggestionEntity s set s.claimedBy = :c, s.claimedAt = :at"
                        + " where s.approvalId = :a and s.approvalStatus = :pending"
                        + " and (s.claimedBy is null or s.claimedBy = :c or s.claimedAt < :stale)")
                .setParameter("c", claim)
                .setParameter("at", at.toEpochMilli())
                .setParameter("a", approvalId)
                .setParameter("pending", ApprovalStatus.PENDING.name())
                .setParameter("stale", takeOverBefore.toEpochMilli())
                .executeUpdate());
        return updated == 1 ? byApproval(approvalId) : Optional.empty();
    }

    @Override
    public void release(String approvalId, String claim) {
        tx.run(em -> em.createQuery("update SuggestionEntity s set s.claimedBy = null, s.claimedAt = null"
                        + " where s.approvalId = :a and s.claimedBy = :c")
                .setParameter("a", approvalId)
                .setParameter("c", claim)
                .executeUpdate());
    }

    @Override
    public Optional<Suggestion> decide(String approvalId, String claim, ApprovalStatus outcome, String by, Instant at) {
        if (outcome == ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("an approval is decided to something other than PENDING");
        }
        int updated = tx.write(em -> em.createQuery("update SuggestionEntity s set s.approvalStatus = :o,"
                        + " s.status = :st, s.decidedBy = :by, s.decidedAt = :at,"
                        + " s.claimedBy = null, s.claimedAt = null"
                        + " where s.approvalId = :a and s.approvalStatus = :pending and s.claimedBy = :c")
                .setParameter("o", outcome.name())
                .setParameter("st", outcome.suggestionStatus().name())
                .setParameter("by", by)
                .setParameter("at", at.toEpochMilli())
                .setParameter("a", approvalId)
                .setParameter("pending", ApprovalStatus.PENDING.name())
                .setParameter("c", claim)
                .executeUpdate());
        return updated == 1 ? byApproval(approvalId) : Optional.empty();
    }

    @Override
    public List<Suggestion> pendingInOrg(String org) {
        return tx.read(em -> em
                .createQuery(
                        "select s from SuggestionEntity s where s.org = :org"
                                + " and s.approvalStatus = :pending order by s.createdAt, s.id",
                        SuggestionEntity.class)
                .setParameter("org", org)
                .setParameter("pending", ApprovalStatus.PENDING.name())
                .getResultList()
                .stream()
                .map(JpaSuggestionStore::toSuggestion)
                .toList());
    }

    @Override
    public List<Suggestion> pending(String org, String user) {
        return tx.read(em -> em
                .createQuery(
                        "select s from SuggestionEntity s where s.org = :org and s.member = :u"
                                + " and s.approvalStatus = :pending order by s.createdAt, s.id",
                        SuggestionEntity.class)
                .setParameter("org", org)
                .setParameter("u", user)
                .setParameter("pending", ApprovalStatus.PENDING.name())
                .getResultList()
                .stream()
                .map(JpaSuggestionStore::toSuggestion)
                .toList());
    }

    @Override
    public List<Suggestion> due(Instant now) {
        return tx.read(em -> em
                .createQuery(
                        "select s from SuggestionEntity s where s.approvalStatus = :pending"
                                + " and s.expiresAt <= :now order by s.expiresAt, s.id",
                        SuggestionEntity.class)
                .setParameter("pending", ApprovalStatus.PENDING.name())
                .setParameter("now", now.toEpochMilli())
                .getResultList()
                .stream()
                .map(JpaSuggestionStore::toSuggestion)
                .toList());
    }

    @Override
    public List<Suggestion> inMeeting(String org, String meetingId, String user) {
        return tx.read(em -> em
                .createQuery(
                        "select s from SuggestionEntity s where s.org = :org"
                                + " and s.meetingId = :m and s.member = :u order by s.createdAt, s.id",
                        SuggestionEntity.class)
                .setParameter("org", org)
                .setParameter("m", meetingId)
                .setParameter("u", user)
                .getResultList()
                .stream()
                .map(JpaSuggestionStore::toSuggestion)
                .toList());
    }

    private static void copy(Suggestion s, SuggestionEntity e) {
        e.org = s.org();
        e.meetingId = s.meetingId();
        e.member = s.user();
        e.chunkSeq = s.chunkSeq();
        e.topic = s.topic();
        e.text = s.text();
        e.status = s.status().name();
        e.approvalId = s.approvalId();
        e.approvalStatus =
                s.approvalStatus() == null ? null : s.approvalStatus().name();
        e.createdAt = s.createdAt().toEpochMilli();
        e.expiresAt = s.expiresAt() == null ? null : s.expiresAt().toEpochMilli();
        e.decidedBy = s.decidedBy();
    }

    private static Suggestion toSuggestion(SuggestionEntity e) {
        return new Suggestion(
                e.id,
                e.org,
                e.meetingId,
                e.member,
                e.chunkSeq,
                e.topic,
                e.text,
                SuggestionStatus.valueOf(e.status),
                e.approvalId,
                e.approvalStatus == null ? null : ApprovalStatus.valueOf(e.approvalStatus),
                Instant.ofEpochMilli(e.createdAt),
                e.expiresAt == null ? null : Instant.ofEpochMilli(e.expiresAt),
                e.decidedBy);
    }

    /** One INSERT into {@code draft_claims}, whose primary key lets exactly one claimant in. */
    @Override
    public boolean claimDraft(String org, String meetingId, String user, long chunkSeq) {
        return tx.insertOnce(
                em -> em.createNativeQuery("INSERT INTO draft_claims (org, meeting_id, member, chunk_seq, claimed_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, org)
                        .setParameter(2, meetingId)
                        .setParameter(3, user)
                        .setParameter(4, chunkSeq)
                        .setParameter(5, System.currentTimeMillis())
                        .executeUpdate());
    }

    @Override
    public void releaseDraft(String org, String meetingId, String user, long chunkSeq) {
        tx.run(em -> em.createNativeQuery("DELETE FROM draft_claims"
                        + " WHERE org = ?1 AND meeting_id = ?2 AND member = ?3 AND chunk_seq = ?4")
                .setParameter(1, org)
                .setParameter(2, meetingId)
                .setParameter(3, user)
                .setParameter(4, chunkSeq)
                .executeUpdate());
    }
}
