package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "meetings")
@IdClass(OrgKey.class)
class MeetingEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "meeting_id")
    String id;

    @Column(name = "created_at")
    long createdAt;

    protected MeetingEntity() {}

    MeetingEntity(String org, String id, long createdAt) {
        this.org = org;
        this.id = id;
        this.createdAt = createdAt;
    }
}
