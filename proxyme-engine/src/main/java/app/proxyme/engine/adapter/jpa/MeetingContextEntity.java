package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The meeting values a participant set for a meeting, a JSON object. */
@Entity
@Table(name = "meeting_context")
@IdClass(ParticipantKey.class)
class MeetingContextEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "meeting_id")
    String meetingId;

    @Id
    @Column(name = "member")
    String member;

    @Column(name = "values_json")
    String valuesJson;

    protected MeetingContextEntity() {}

    MeetingContextEntity(String org, String meetingId, String member, String valuesJson) {
        this.org = org;
        this.meetingId = meetingId;
        this.member = member;
        this.valuesJson = valuesJson;
    }
}
