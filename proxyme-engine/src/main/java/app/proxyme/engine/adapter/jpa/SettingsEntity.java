package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "org_settings")
class SettingsEntity {
    @Id
    @Column(name = "org")
    String org;

    @Column(name = "min_confidence")
    Double minConfidence;

    @Column(name = "ambiguity_margin")
    Double ambiguityMargin;

    @Column(name = "approval_timeout_s")
    Integer approvalTimeoutSeconds;

    @Column(name = "audit_retention_days")
    Integer auditRetentionDays;

    protected SettingsEntity() {}

    SettingsEntity(String org, Double minConfidence, Double ambiguityMargin, Integer approvalTimeoutSeconds) {
        this.org = org;
        this.minConfidence = minConfidence;
        this.ambiguityMargin = ambiguityMargin;
        this.approvalTimeoutSeconds = approvalTimeoutSeconds;
    }

    SettingsEntity(
            String org,
            Double minConfidence,
            Double ambiguityMargin,
            Integer approvalTimeoutSeconds,
            Integer auditRetentionDays) {
        this(org, minConfidence, ambiguityMargin, approvalTimeoutSeconds);
        this.auditRetentionDays = auditRetentionDays;
    }
}
