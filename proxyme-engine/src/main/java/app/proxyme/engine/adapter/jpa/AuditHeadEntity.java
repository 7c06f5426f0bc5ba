package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of an organisation's audit chain; its row lock serialises the organisation's appends. */
@Entity
@Table(name = "audit_heads")
class AuditHeadEntity {
    @Id
    @Column(name = "org")
    String org;

    @Column(name = "last_seq")
    long lastSeq;

    @Column(name = "last_hash")
    String lastHash;

    /** The last {@code seq} retention deleted ({@code 0}: none). */
    @Column(name = "pruned_through")
    long prunedThrough;

    protected AuditHeadEntity() {}

    AuditHeadEntity(String org, long lastSeq, String lastHash) {
        this.org = org;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }
}
