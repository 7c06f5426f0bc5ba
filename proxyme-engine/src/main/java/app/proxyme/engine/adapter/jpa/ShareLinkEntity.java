package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored share link. */
@Entity
@Table(name = "share_links")
class ShareLinkEntity {
    @Id
    @Column(name = "share_id")
    String shareId;

    @Column(name = "org")
    String org;

    @Column(name = "meeting_id")
    String meetingId;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    long createdAt;

    @Column(name = "expires_at")
    long expiresAt;

    @Column(name = "revoked_at")
    Long revokedAt;

    @Column(name = "reveals_for")
    String revealsFor;

    @Column(name = "last_opened_at")
    Long lastOpenedAt;

    protected ShareLinkEntity() {}

    ShareLinkEntity(
            String shareId,
            String org,
            String meetingId,
            String createdBy,
            long createdAt,
            long expiresAt,
            String revealsFor) {
        this.revealsFor = revealsFor;
        this.shareId = shareId;
        this.org = org;
        this.meetingId = meetingId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }
}
