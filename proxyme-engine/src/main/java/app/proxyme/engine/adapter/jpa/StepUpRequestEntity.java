package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An out-of-band approval request and its polling state. */
@Entity
@Table(name = "ciba_requests")
class StepUpRequestEntity {
    @Id
    @Column(name = "approval_id")
    String approvalId;

    @Column(name = "org")
    String org;

    @Column(name = "member")
    String member;

    @Column(name = "status")
    String status;

    @Column(name = "auth_req_id")
    String externalId;

    @Column(name = "poll_interval_ms")
    long intervalMs;

    @Column(name = "next_poll_at")
    Long nextPollAt;

    @Column(name = "expires_at")
    Long expiresAt;

    @Column(name = "created_at")
    long createdAt;

    @Column(name = "outcome")
    String outcome;

    @Column(name = "reason")
    String reason;

    protected StepUpRequestEntity() {}
}
