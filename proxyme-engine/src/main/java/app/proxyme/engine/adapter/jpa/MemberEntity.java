package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "members")
class MemberEntity {
    @Id
    @Column(name = "email")
    String email;

    @Column(name = "org")
    String org;

    @Column(name = "role_name")
    String role;

    @Column(name = "display_name")
    String displayName;

    protected MemberEntity() {}

    MemberEntity(String email, String org, String role, String displayName) {
        this.email = email;
        this.org = org;
        this.role = role;
        this.displayName = displayName;
    }
}
