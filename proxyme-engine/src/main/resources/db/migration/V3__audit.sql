-- Audit export by time range: find the seq span of [from, to) without scanning the chain.
CREATE INDEX audit_events_by_time ON audit_events (org, ts);

-- A meeting's chain end is its last event's hash (found by audit_events_by_meeting): no separate head row.
DROP TABLE audit_meeting_heads;

-- Per-organisation audit retention (policy settings.auditRetentionDays); NULL keeps events for ever.
ALTER TABLE org_settings ADD COLUMN audit_retention_days INTEGER;
