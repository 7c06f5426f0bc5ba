-- Hidden texts (PROTOCOL.md, audit event): a chunk's or a suggestion's text and a binding message are committed in
-- the hashed detail as textDigest; the text itself and its salt ({"salt":"..","text":".."}) are kept here, outside
-- the hash, and given only to readers allowed to see them. Plain SQL for H2 2.x and PostgreSQL 15.
ALTER TABLE audit_events ADD COLUMN reveal VARCHAR(1000000);
