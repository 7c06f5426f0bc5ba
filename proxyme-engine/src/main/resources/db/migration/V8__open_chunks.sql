-- Acknowledged chunks still waiting for their decision (PROTOCOL.md, ack). The audit log inserts a row with each
-- `chunk` event and deletes it with the chunk's `decision` or `chunk_abandoned` event, in the same transaction; the
-- recovery job appends `chunk_abandoned` for rows a dead process left behind. Plain SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE open_chunks (
    chunk_event  VARCHAR(40)  NOT NULL PRIMARY KEY,
    org          VARCHAR(40)  NOT NULL,
    meeting_id   VARCHAR(64)  NOT NULL,
    member       VARCHAR(320) NOT NULL,
    chunk_seq    BIGINT       NOT NULL,
    accepted_at  BIGINT       NOT NULL
);
CREATE INDEX open_chunks_by_chunk ON open_chunks (org, meeting_id, member, chunk_seq);
CREATE INDEX open_chunks_by_age ON open_chunks (accepted_at);
