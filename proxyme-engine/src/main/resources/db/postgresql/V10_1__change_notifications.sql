-- Several instances may share this database, and each caches policies, members and FGA tuples. Every committed
-- change to what they cache is announced on the channel proxyme_changes (PostgreSQL delivers a NOTIFY at commit, to
-- every listening session, once per distinct payload in a transaction); each instance LISTENs and forgets what the
-- payload names: 'policy:<org>', 'tuples', or 'toggles:<org>TAB<meeting>TAB<member>'.

CREATE FUNCTION proxyme_announce_policy_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('proxyme_changes', 'policy:' || OLD.org);
    ELSE
        PERFORM pg_notify('proxyme_changes', 'policy:' || NEW.org);
        IF TG_OP = 'UPDATE' AND OLD.org IS DISTINCT FROM NEW.org THEN
            PERFORM pg_notify('proxyme_changes', 'policy:' || OLD.org);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION proxyme_announce_tuple_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('proxyme_changes', 'tuples');
    RETURN NULL;
END
$$;

CREATE FUNCTION proxyme_announce_toggle_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('proxyme_changes', 'toggles:' || OLD.org || E'\t' || OLD.meeting_id || E'\t' || OLD.member);
    ELSE
        PERFORM pg_notify('proxyme_changes', 'toggles:' || NEW.org || E'\t' || NEW.meeting_id || E'\t' || NEW.member);
    END IF;
    RETURN NULL;
END
$$;

-- one trigger <table>_changed per cached table
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisations', 'org_settings', 'members', 'topics', 'rules'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION proxyme_announce_policy_change()', t || '_changed', t);
    END LOOP;
END
$$;

CREATE TRIGGER fga_tuples_changed AFTER INSERT OR UPDATE OR DELETE ON fga_tuples
    FOR EACH ROW EXECUTE FUNCTION proxyme_announce_tuple_change();
CREATE TRIGGER topic_toggles_changed AFTER INSERT OR UPDATE OR DELETE ON topic_toggles
    FOR EACH ROW EXECUTE FUNCTION proxyme_announce_toggle_change();
