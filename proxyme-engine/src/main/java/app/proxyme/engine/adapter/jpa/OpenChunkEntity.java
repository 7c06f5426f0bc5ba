package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An acknowledged chunk without its decision yet (see {@link OpenChunkIndex}). */
@Entity
@Table(name = "open_chunks")
class OpenChunkEntity {
    @Id
    @Column(name = "chunk_event")
    String chunkEvent;

    @Column(name = "org")
    String org;

    @Column(name = "meeting_id")
    String meetingId;

    @Column(name = "member")
    String member;

    @Column(name = "chunk_seq")
    long chunkSeq;

    @Column(name = "accepted_at")
    long acceptedAt;

    /** The instance that accepted it ({@code null}: before instances were recorded). */
    @Column(name = "instance")
    String instance;

    protected OpenChunkEntity() {}

    OpenChunkEntity(
            String chunkEvent,
            String org,
            String meetingId,
            String member,
            long chunkSeq,
            long acceptedAt,
            String instance) {
        this.chunkEvent = chunkEvent;
        this.org = org;
        this.meetingId = meetingId;
        this.member = member;
        this.chunkSeq = chunkSeq;
        this.acceptedAt = acceptedAt;
        this.instance = instance;
    }
}
