package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An agent permission the organisation defines, with its human description. */
@Entity
@Table(name = "org_permissions")
@IdClass(OrgKey.class)
class PermissionEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "permission_name")
    String id;

    @Column(name = "description")
    String description;

    @Column(name = "sort_order")
    int sortOrder;

    protected PermissionEntity() {}

    PermissionEntity(String org, String id, String description, int sortOrder) {
        this.org = org;
        this.id = id;
        this.description = description;
        this.sortOrder = sortOrder;
    }
}
