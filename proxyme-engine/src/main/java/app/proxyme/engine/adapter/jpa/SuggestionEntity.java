package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "suggestions")
class SuggestionEntity {
    @Id
    @Column(name = "id")
    String id;

    @Column(name = "org")
    String org;

    @Column(name = "meeting_id")
    String meetingId;

    @Column(name = "member")
    String member;

    @Column(name = "chunk_seq")
    long chunkSeq;

    @Column(name = "topic")
    String topic;

    @Column(name = "body")
    String text;

    @Column(name = "status")
    String status;

    @Column(name = "approval_id")
    String approvalId;

    @Column(name = "approval_status")
    String approvalStatus;

    @Column(name = "created_at")
    long createdAt;

    @Column(name = "expires_at")
    Long expiresAt;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_at")
    Long decidedAt;

    /** Who is deciding it (a claim, see {@code SuggestionStore#claim}), or {@code null}. */
    @Column(name = "claimed_by")
    String claimedBy;

    @Column(name = "claimed_at")
    Long claimedAt;

    protected SuggestionEntity() {}
}
