package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "roles")
@IdClass(OrgKey.class)
class RoleEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "role_name")
    String id;

    @Column(name = "sort_order")
    int sortOrder;

    protected RoleEntity() {}

    RoleEntity(String org, String id, int sortOrder) {
        this.org = org;
        this.id = id;
        this.sortOrder = sortOrder;
    }
}
