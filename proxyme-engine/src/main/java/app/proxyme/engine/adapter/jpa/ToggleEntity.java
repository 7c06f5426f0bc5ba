package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "topic_toggles")
@IdClass(ToggleKey.class)
class ToggleEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "meeting_id")
    String meetingId;

    @Id
    @Column(name = "member")
    String member;

    @Id
    @Column(name = "topic")
    String topic;

    @Column(name = "enabled")
    boolean enabled;

    protected ToggleEntity() {}

    ToggleEntity(String org, String meetingId, String member, String topic, boolean enabled) {
        this.org = org;
        this.meetingId = meetingId;
        this.member = member;
        this.topic = topic;
        this.enabled = enabled;
    }
}
