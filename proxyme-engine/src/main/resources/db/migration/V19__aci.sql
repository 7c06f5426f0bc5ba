-- ACI hand-offs (ACI.md): agents, token references, replay ids, chains, hops, inboxes and consents. Shared by every
-- instance on one database: nothing of the gateway's truth lives in a process. Times are epoch milliseconds; lists and
-- hops are JSON text. Plain SQL for H2 2.x and PostgreSQL 15.

-- Registered agents per organisation, with their client credentials (the secret only as its SHA-256).
CREATE TABLE aci_agents (
    org             VARCHAR(40)   NOT NULL,
    agent_id        VARCHAR(40)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    agent_domain    VARCHAR(64)   NOT NULL,
    ceiling         VARCHAR(8000) NOT NULL,
    jwk             VARCHAR(4000) NOT NULL,
    auth0_client_id VARCHAR(200),
    enabled         BOOLEAN       NOT NULL,
    client_id       VARCHAR(64)   NOT NULL UNIQUE,
    secret_hash     VARCHAR(64)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    PRIMARY KEY (org, agent_id)
);
CREATE INDEX aci_agents_by_auth0 ON aci_agents (auth0_client_id);

-- The private signing keys of the built-in agents (proxyme, followup-drafter, crm-notes), as JWKs.
CREATE TABLE aci_builtin_keys (
    agent_id    VARCHAR(40)   NOT NULL PRIMARY KEY,
    private_jwk VARCHAR(4000) NOT NULL,
    created_at  BIGINT        NOT NULL
);

-- Token references: bound to (org, user, agent, chain), scoped, expiring; revoked names the revocation that ended one.
CREATE TABLE aci_token_refs (
    ref         VARCHAR(130)  NOT NULL PRIMARY KEY,
    org         VARCHAR(40)   NOT NULL,
    user_email  VARCHAR(320)  NOT NULL,
    agent_id    VARCHAR(40)   NOT NULL,
    chain_id    VARCHAR(90)   NOT NULL,
    permissions VARCHAR(8000) NOT NULL,
    redlines    VARCHAR(8000) NOT NULL,
    max_depth   INTEGER       NOT NULL,
    expires_at  BIGINT        NOT NULL,
    revoked     VARCHAR(100)
);
CREATE INDEX aci_token_refs_by_chain ON aci_token_refs (org, chain_id);
CREATE INDEX aci_token_refs_by_holder ON aci_token_refs (org, agent_id, user_email);

-- Envelope ids seen (check 4), kept until their timestamp is out of the accepted window.
CREATE TABLE aci_replay (
    org         VARCHAR(40) NOT NULL,
    envelope_id VARCHAR(36) NOT NULL,
    keep_until  BIGINT      NOT NULL,
    PRIMARY KEY (org, envelope_id)
);

CREATE TABLE aci_chains (
    chain_id   VARCHAR(90)  NOT NULL PRIMARY KEY,
    org        VARCHAR(40)  NOT NULL,
    user_email VARCHAR(320) NOT NULL,
    meeting_id VARCHAR(64),
    started_at BIGINT       NOT NULL,
    revoked    BOOLEAN      NOT NULL
);
CREATE INDEX aci_chains_by_org ON aci_chains (org, started_at);

-- Each hop as the gateway recorded it (the timeline), its latest state.
CREATE TABLE aci_hops (
    handoff_id VARCHAR(40)     NOT NULL PRIMARY KEY,
    org        VARCHAR(40)     NOT NULL,
    chain_id   VARCHAR(90)     NOT NULL,
    hop_at     BIGINT          NOT NULL,
    hop        VARCHAR(100000) NOT NULL
);
CREATE INDEX aci_hops_by_chain ON aci_hops (org, chain_id, hop_at);

-- Agents' inboxes: each row is taken (deleted) by exactly one inbox read.
CREATE TABLE aci_deliveries (
    handoff_id VARCHAR(40)     NOT NULL PRIMARY KEY,
    org        VARCHAR(40)     NOT NULL,
    agent_id   VARCHAR(40)     NOT NULL,
    chain_id   VARCHAR(90)     NOT NULL,
    user_email VARCHAR(320)    NOT NULL,
    created_at BIGINT          NOT NULL,
    envelope   VARCHAR(200000) NOT NULL
);
CREATE INDEX aci_deliveries_by_agent ON aci_deliveries (org, agent_id, created_at);

-- Consents asked for mid-chain; the hop's checked envelope waits with them (pending ones survive a restart).
CREATE TABLE aci_consents (
    consent_id  VARCHAR(40)     NOT NULL PRIMARY KEY,
    handoff_id  VARCHAR(40)     NOT NULL,
    org         VARCHAR(40)     NOT NULL,
    user_email  VARCHAR(320)    NOT NULL,
    chain_id    VARCHAR(90)     NOT NULL,
    agent_id    VARCHAR(40)     NOT NULL,
    missing     VARCHAR(8000)   NOT NULL,
    reason      VARCHAR(1000),
    status      VARCHAR(16)     NOT NULL,
    expires_at  BIGINT          NOT NULL,
    envelope    VARCHAR(200000) NOT NULL
);
CREATE INDEX aci_consents_by_user ON aci_consents (org, user_email, status);
CREATE INDEX aci_consents_by_status ON aci_consents (status, expires_at);
