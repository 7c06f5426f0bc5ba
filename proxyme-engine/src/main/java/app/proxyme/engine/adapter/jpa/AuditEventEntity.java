package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_events")
class AuditEventEntity {
    @Id
    @Column(name = "id")
    String id;

    @Column(name = "org")
    String org;

    @Column(name = "seq")
    long seq;

    @Column(name = "ts")
    long ts;

    @Column(name = "meeting_id")
    String meetingId;

    @Column(name = "member")
    String member;

    @Column(name = "actor")
    String actor;

    @Column(name = "event_type")
    String type;

    @Column(name = "topic")
    String topic;

    @Column(name = "outcome")
    String outcome;

    @Column(name = "layer")
    String layer;

    @Column(name = "detail")
    String detailJson;

    @Column(name = "prev")
    String prev;

    @Column(name = "meeting_prev")
    String meetingPrev;

    @Column(name = "hash")
    String hash;

    /** The hidden text with its salt, as JSON, outside the hash; {@code null} when the event has none. */
    @Column(name = "reveal")
    String revealJson;

    protected AuditEventEntity() {}
}
