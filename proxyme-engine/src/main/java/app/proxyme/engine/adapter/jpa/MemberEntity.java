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

    /** The identity provider's subject; {@code null}: the default {@code auth0|<email>}. */
    @Column(name = "subject")
    String subject;

    protected MemberEntity() {}

    MemberEntity(String email, String org, String role, String displayName) {
        this.email = email;
        this.org = org;
        this.role = role;
        this.displayName = displayName;
    }

    MemberEntity(String email, String org, String role, String displayName, String subject) {
        this(email, org, role, displayName);
        this.subject = subject;
    }
}
