-- Drafts on request (PROTOCOL.md, decision.unsure): one row per chunk drafted, inserted before the draft is made. The
-- primary key is the claim: of concurrent requests, on any instance, exactly one inserts it and drafts; the others
-- are refused (409). claimed_at is epoch milliseconds. Plain SQL for H2 2.x and PostgreSQL 15.
CREATE TABLE draft_claims (
    org        VARCHAR(40)  NOT NULL,
    meeting_id VARCHAR(64)  NOT NULL,
    member     VARCHAR(320) NOT NULL,
    chunk_seq  BIGINT       NOT NULL,
    claimed_at BIGINT       NOT NULL,
    PRIMARY KEY (org, meeting_id, member, chunk_seq)
);
