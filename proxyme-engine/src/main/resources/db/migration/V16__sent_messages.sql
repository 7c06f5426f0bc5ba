-- Messages users sent through their connected accounts (SentMessages port); embedded, this is the outbox that stands in
-- for the third parties. sent_at is epoch milliseconds.
CREATE TABLE sent_messages (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    org          VARCHAR(64)   NOT NULL,
    user_email   VARCHAR(320)  NOT NULL,
    connection   VARCHAR(64)   NOT NULL,
    channel      VARCHAR(80)   NOT NULL,
    topic        VARCHAR(64)   NOT NULL,
    meeting_id   VARCHAR(64),
    text         VARCHAR(4000) NOT NULL,
    delivered_to VARCHAR(64)   NOT NULL,
    reference    VARCHAR(200)  NOT NULL,
    sent_at      BIGINT        NOT NULL
);
CREATE INDEX sent_messages_by_user ON sent_messages (org, user_email, sent_at);
