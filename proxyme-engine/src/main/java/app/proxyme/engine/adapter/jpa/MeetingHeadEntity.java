package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The end of a meeting's audit chain; written only under the organisation head's lock. */
@Entity
@Table(name = "audit_meeting_heads")
@IdClass(OrgKey.class)
class MeetingHeadEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "meeting_id")
    String id;

    @Column(name = "last_hash")
    String lastHash;

    protected MeetingHeadEntity() {}

    MeetingHeadEntity(String org, String id, String lastHash) {
        this.org = org;
        this.id = id;
        this.lastHash = lastHash;
    }
}
