-- settings.auditRetentionDays is at least 30 days (PolicySettings.MIN_AUDIT_RETENTION_DAYS): a value stored before
-- the floor existed is raised to it, and the database refuses a shorter one from now on.
UPDATE org_settings SET audit_retention_days = 30 WHERE audit_retention_days < 30;
ALTER TABLE org_settings ADD CONSTRAINT org_settings_audit_retention_floor
    CHECK (audit_retention_days IS NULL OR audit_retention_days >= 30);
