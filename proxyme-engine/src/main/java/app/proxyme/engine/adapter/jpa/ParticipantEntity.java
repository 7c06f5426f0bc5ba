package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "meeting_participants")
@IdClass(ParticipantKey.class)
class ParticipantEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "meeting_id")
    String meetingId;

    @Id
    @Column(name = "member")
    String member;

    @Column(name = "joined_at")
    long joinedAt;

    protected ParticipantEntity() {}

    ParticipantEntity(String org, String meetingId, String member, long joinedAt) {
        this.org = org;
        this.meetingId = meetingId;
        this.member = member;
        this.joinedAt = joinedAt;
    }
}
