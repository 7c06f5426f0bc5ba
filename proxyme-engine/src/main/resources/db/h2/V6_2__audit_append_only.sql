-- H2 gets the append-only guard of db/postgresql/V3_1 as a Java trigger (H2AuditAppendOnly): UPDATE of an audit
-- event is refused; DELETE only under the session flag the retention job sets, and only of events that a later
-- checkpoint of the same organisation covers (detail.lastPrunedSeq >= seq).
CREATE TRIGGER audit_events_append_only BEFORE UPDATE, DELETE ON audit_events
    FOR EACH ROW CALL 'app.proxyme.engine.adapter.jpa.H2AuditAppendOnly';
