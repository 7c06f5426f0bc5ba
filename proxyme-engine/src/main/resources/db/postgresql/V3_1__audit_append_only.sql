-- Audit events are append-only. UPDATE and TRUNCATE are always refused. DELETE is refused too, except for the
-- retention job, which must (1) hold the transaction-local flag proxyme.audit_retention = 'on' and (2) delete only
-- events that a checkpoint event of the same organisation, later in the chain, already covers
-- (detail.lastPrunedSeq >= seq). So even code that sets the flag can only cut a prefix whose end is sealed by a
-- signed checkpoint; the chain that remains still verifies from that checkpoint.
CREATE INDEX audit_events_checkpoints ON audit_events (org, seq) WHERE event_type = 'checkpoint';

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
            AND current_setting('proxyme.audit_retention', true) = 'on'
            AND EXISTS (SELECT 1 FROM audit_events c
                        WHERE c.org = OLD.org AND c.event_type = 'checkpoint' AND c.seq > OLD.seq
                          AND (c.detail::jsonb ->> 'lastPrunedSeq')::bigint >= OLD.seq) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: % of % seq % refused', TG_OP, OLD.org, OLD.seq
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE FUNCTION audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: TRUNCATE refused' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate();
