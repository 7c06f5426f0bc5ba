-- Share links (PROTOCOL.md, POST /api/audit/share): listed and revoked by their creator or the admin; a revocation
-- holds on every instance. last_opened_at limits share_opened events to one a minute per link; reveals_for names
-- whose hidden texts the link shows (its creator's, when they are a participant; NULL: every text).
CREATE TABLE share_links (
    share_id        VARCHAR(40)  NOT NULL PRIMARY KEY,
    org             VARCHAR(40)  NOT NULL,
    meeting_id      VARCHAR(64)  NOT NULL,
    created_by      VARCHAR(320) NOT NULL,
    created_at      BIGINT       NOT NULL,
    expires_at      BIGINT       NOT NULL,
    revoked_at      BIGINT,
    reveals_for     VARCHAR(320),
    last_opened_at  BIGINT
);
CREATE INDEX share_links_by_org ON share_links (org, created_at);
