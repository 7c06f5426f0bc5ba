package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.StepUpRequest;
import app.proxyme.domain.port.out.StepUpRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-of-band approval requests in the {@code ciba_requests} table. */
final class JpaStepUpRequests implements StepUpRequests {
    private static final int MAX_REASON = 1000;

    private final Tx tx;

    JpaStepUpRequests(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(StepUpRequest r) {
        tx.run(em -> {
            StepUpRequestEntity e = em.find(StepUpRequestEntity.class, r.approvalId());
            if (e == null) {
                e = new StepUpRequestEntity();
                e.approvalId = r.approvalId();
                copy(r, e);
                em.persist(e);
            } else {
                copy(r, e);
            }
        });
    }

    @Override
    public Optional<StepUpRequest> find(String approvalId) {
        return tx.read(em -> Optional.ofNullable(em.find(StepUpRequestEntity.class, approvalId))
                .map(JpaStepUpRequests::request));
    }

    @Override
    public List<StepUpRequest> due(Instant now, int limit) {
        return tx.read(em -> em
                .createQuery(
                        "select r from StepUpRequestEntity r where r.status = :polling and r.nextPollAt <= :now"
                                + " order by r.nextPollAt, r.approvalId",
                        StepUpRequestEntity.class)
                .setParameter("polling", StepUpRequest.State.POLLING.name())
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaStepUpRequests::request)
                .toList());
    }

    @Override
    public int sentSince(String org, String user, Instant since) {
        return tx.read(em -> em.createQuery(
                                "select count(r) from StepUpRequestEntity r where r.org = :org and r.member = :u"
                                        + " and r.externalId is not null and r.createdAt >= :since",
                                Long.class)
                        .setParameter("org", org)
                        .setParameter("u", user)
                        .setParameter("since", since.toEpochMilli())
                        .getSingleResult())
                .intValue();
    }

    @Override
    public int forgetEndedBefore(Instant before) {
        return tx.write(em -> em.createQuery(
                        "delete from StepUpRequestEntity r where r.status <> :polling and r.createdAt < :before")
                .setParameter("polling", StepUpRequest.State.POLLING.name())
                .setParameter("before", before.toEpochMilli())
                .executeUpdate());
    }

    private static void copy(StepUpRequest r, StepUpRequestEntity e) {
        e.org = r.org();
        e.member = r.user();
        e.status = r.state().name();
        e.externalId = r.externalId();
        e.intervalMs = r.interval().toMillis();
        e.nextPollAt = r.nextPollAt() == null ? null : r.nextPollAt().toEpochMilli();
        e.expiresAt = r.expiresAt() == null ? null : r.expiresAt().toEpochMilli();
        e.createdAt = r.createdAt().toEpochMilli();
        e.outcome = r.outcome() == null ? null : r.outcome().name();
        String reason = r.reason();
        e.reason = reason != null && reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static StepUpRequest request(StepUpRequestEntity e) {
        return new StepUpRequest(
                e.approvalId,
                e.org,
                e.member,
                StepUpRequest.State.valueOf(e.status),
                e.externalId,
                Duration.ofMillis(e.intervalMs),
                e.nextPollAt == null ? null : Instant.ofEpochMilli(e.nextPollAt),
                e.expiresAt == null ? null : Instant.ofEpochMilli(e.expiresAt),
                Instant.ofEpochMilli(e.createdAt),
                e.outcome == null ? null : ApprovalStatus.valueOf(e.outcome),
                e.reason);
    }
}
