package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A playground case of the organisation's policy, at its place in the file. */
@Entity
@Table(name = "policy_tests")
@IdClass(PolicyTestEntity.Key.class)
class PolicyTestEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "sort_order")
    int sortOrder;

    @Column(name = "case_text")
    String text;

    @Column(name = "member")
    String member;

    @Column(name = "role_name")
    String role;

    /** The case's meeting values as a JSON object ({@code null}: none; V20). */
    @Column(name = "context_json")
    String contextJson;

    @Column(name = "outcome")
    String outcome;

    @Column(name = "layer")
    String layer;

    protected PolicyTestEntity() {}

    PolicyTestEntity(
            String org,
            int sortOrder,
            String text,
            String member,
            String role,
            String contextJson,
            String outcome,
            String layer) {
        this.org = org;
        this.sortOrder = sortOrder;
        this.text = text;
        this.member = member;
        this.role = role;
        this.contextJson = contextJson;
        this.outcome = outcome;
        this.layer = layer;
    }

    /** Primary key: {@code (org, sort_order)}. */
    public static class Key implements java.io.Serializable {
        String org;
        int sortOrder;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(org, k.org) && sortOrder == k.sortOrder;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(org, sortOrder);
        }
    }
}
