package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The permissions a role's members grant by default, as a JSON list. */
@Entity
@Table(name = "role_grants")
@IdClass(OrgKey.class)
class GrantEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "role_name")
    String id;

    @Column(name = "permissions")
    String permissionsJson;

    @Column(name = "sort_order")
    int sortOrder;

    protected GrantEntity() {}

    GrantEntity(String org, String id, String permissionsJson, int sortOrder) {
        this.org = org;
        this.id = id;
        this.permissionsJson = permissionsJson;
        this.sortOrder = sortOrder;
    }
}
