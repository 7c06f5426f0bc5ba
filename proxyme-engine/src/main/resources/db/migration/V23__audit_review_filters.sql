-- The admin console's audit review (issue 15): filters by member, topic, outcome, layer and type, newest first,
-- paged by seq. Each index ends in seq so that a filtered page is an index range, also on millions of events.
-- Plain SQL for H2 2.x and PostgreSQL 15.
CREATE INDEX audit_events_by_member ON audit_events (org, member, seq);
CREATE INDEX audit_events_by_topic ON audit_events (org, topic, seq);
CREATE INDEX audit_events_by_outcome ON audit_events (org, outcome, seq);
CREATE INDEX audit_events_by_layer ON audit_events (org, layer, seq);
CREATE INDEX audit_events_by_type ON audit_events (org, event_type, seq);
