package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A meeting value a policy declares ({@code deal_size: int}). */
@Entity
@Table(name = "policy_context")
@IdClass(OrgKey.class)
class ContextDeclarationEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "name")
    String id;

    @Column(name = "value_type")
    String type;

    @Column(name = "sort_order")
    int sortOrder;

    protected ContextDeclarationEntity() {}

    ContextDeclarationEntity(String org, String id, String type, int sortOrder) {
        this.org = org;
        this.id = id;
        this.type = type;
        this.sortOrder = sortOrder;
    }
}
