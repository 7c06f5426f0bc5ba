-- Signing keys shared by every instance on this database (identity and vault tokens, share links, audit checkpoints).
-- One row per key generation of a purpose; the primary key decides between instances creating the same generation
-- at once, so they agree on one key. Times are epoch milliseconds: a key signs from signs_from (published before
-- that, so every instance and every JWKS reader knows it first) and verifies until retires_at (NULL: for ever).
-- material is the private key (PKCS#8 DER, base64) or the secret (base64): whoever reads this table can sign.
CREATE TABLE signing_keys (
    purpose    VARCHAR(32)   NOT NULL,
    generation INTEGER       NOT NULL,
    kid        VARCHAR(128)  NOT NULL,
    material   VARCHAR(4000) NOT NULL,
    created_at BIGINT        NOT NULL,
    signs_from BIGINT        NOT NULL,
    retires_at BIGINT,
    PRIMARY KEY (purpose, generation)
);
CREATE UNIQUE INDEX signing_keys_kid ON signing_keys (purpose, kid);
