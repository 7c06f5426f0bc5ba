-- Messages for a user's connections on other instances (approvals requested, decided, expired): the instance that
-- has one inserts it here, a trigger announces its id on the channel proxyme_messages at commit (PostgreSQL delivers
-- notifications in commit order), and every other instance reads the row and hands it to the user's connections it
-- holds. The payload is '<origin instance>:<id>', so that the publisher skips its own without reading them. Rows are
-- kept a few minutes, for instances catching up after their listening connection came back.
CREATE TABLE relayed_messages (
    id         BIGSERIAL    PRIMARY KEY,
    origin     VARCHAR(64)  NOT NULL,
    org        VARCHAR(40)  NOT NULL,
    member     VARCHAR(320) NOT NULL,
    meeting_id VARCHAR(128),
    body       TEXT         NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX relayed_messages_by_time ON relayed_messages (created_at);

CREATE FUNCTION proxyme_announce_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('proxyme_messages', NEW.origin || ':' || NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER relayed_messages_announce AFTER INSERT ON relayed_messages
    FOR EACH ROW EXECUTE FUNCTION proxyme_announce_message();
