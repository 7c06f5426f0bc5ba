-- One-time codes that pair a phone with a member (PairingCodes port). Only the SHA-256 of a code is stored.
-- Times are epoch milliseconds; used_at is set once, by the redeeming instance's conditional update.
CREATE TABLE pairing_codes (
    code_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    org        VARCHAR(64)  NOT NULL,
    email      VARCHAR(320) NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    used_at    BIGINT
);
CREATE INDEX pairing_codes_expiry ON pairing_codes (expires_at);
