-- Least privilege: the runtime role may only insert and read audit events (and update the chain heads); it neither
-- owns the table (so it cannot disable the append-only trigger) nor may it DELETE. Retention prunes through this
-- function instead: it runs with the rights of its owner, the migration role (SECURITY DEFINER), and deletes only a
-- prefix of one organisation's chain that a checkpoint names and vouches for, as JpaAuditPruning does on H2:
--   1. it locks the organisation's chain head, so appends wait;
--   2. a checkpoint of the organisation later in the chain must name the cut (detail.lastPrunedSeq = p_through);
--   3. every meeting whose first event after the cut links (meeting_prev) to an event at or before it must be named
--      with that hash in the checkpoint's detail.meetings;
--   4. it deletes under the trigger's retention flag and records how far the chain is pruned.
-- The grants to the runtime role are made at each start by Database.open (PROXYME_DB_MIGRATE_USER).
CREATE FUNCTION audit_prune(p_org VARCHAR, p_through BIGINT) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    v_detail  JSONB;
    v_meeting VARCHAR;
    v_deleted BIGINT;
BEGIN
    PERFORM 1 FROM audit_heads WHERE org = p_org FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'organisation % has no audit chain', p_org USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT c.detail::jsonb INTO v_detail FROM audit_events c
     WHERE c.org = p_org AND c.event_type = 'checkpoint' AND c.seq > p_through
       AND c.detail::jsonb ->> 'lastPrunedSeq' = p_through::text
     ORDER BY c.seq DESC LIMIT 1;
    IF v_detail IS NULL THEN
        RAISE EXCEPTION 'no checkpoint of % names the cut after seq %: nothing deleted', p_org, p_through
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT f.meeting_id INTO v_meeting FROM (
        SELECT DISTINCT ON (e.meeting_id) e.meeting_id, e.meeting_prev FROM audit_events e
         WHERE e.org = p_org AND e.seq > p_through AND e.meeting_id IS NOT NULL
         ORDER BY e.meeting_id, e.seq) f
     WHERE f.meeting_prev <> repeat('0', 64)
       AND (v_detail -> 'meetings' ->> f.meeting_id) IS DISTINCT FROM f.meeting_prev
     LIMIT 1;
    IF v_meeting IS NOT NULL THEN
        RAISE EXCEPTION 'the checkpoint of the cut after seq % does not vouch for where meeting % goes on: nothing deleted',
            p_through, v_meeting USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('proxyme.audit_retention', 'on', true);
    DELETE FROM audit_events WHERE org = p_org AND seq <= p_through;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    PERFORM set_config('proxyme.audit_retention', 'off', true);
    UPDATE audit_heads SET pruned_through = GREATEST(pruned_through, p_through) WHERE org = p_org;
    RETURN v_deleted;
END
$$;

REVOKE ALL ON FUNCTION audit_prune(VARCHAR, BIGINT) FROM PUBLIC;
