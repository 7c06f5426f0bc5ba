package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "organisations")
class OrganisationEntity {
    @Id
    @Column(name = "org")
    String org;

    @Column(name = "name")
    String name;

    @Column(name = "policy_version")
    long policyVersion;

    @Column(name = "created_at")
    long createdAt;

    protected OrganisationEntity() {}

    OrganisationEntity(String org, String name, long policyVersion, long createdAt) {
        this.org = org;
        this.name = name;
        this.policyVersion = policyVersion;
        this.createdAt = createdAt;
    }
}
