-- Audit export by time range: find the seq span of [from, to) without scanning the chain.
CREATE INDEX audit_events_by_time ON audit_events (org, ts);
