package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An e-mail domain of an organisation; a domain belongs to one organisation only. */
@Entity
@Table(name = "org_domains")
class DomainEntity {
    @Id
    @Column(name = "email_domain")
    String domain;

    @Column(name = "org")
    String org;

    @Column(name = "sort_order")
    int sortOrder;

    protected DomainEntity() {}

    DomainEntity(String domain, String org, int sortOrder) {
        this.domain = domain;
        this.org = org;
        this.sortOrder = sortOrder;
    }
}
