-- Instances cache each user's meeting values (meeting_context) beside their topic switches: a change is announced
-- with the switches' payload 'toggles:<org>TAB<meeting>TAB<member>', which makes every instance forget both.
CREATE TRIGGER meeting_context_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_context
    FOR EACH ROW EXECUTE FUNCTION proxyme_announce_toggle_change();
