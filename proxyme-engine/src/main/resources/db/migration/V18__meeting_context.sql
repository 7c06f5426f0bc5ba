-- Conditional permissions (issue 17): the meeting values a policy declares, the FGA conditions its auto_when entries
-- generate (one per organisation, role and topic; the runtime model is the product model plus all of them), and the
-- values each user set for a meeting.
CREATE TABLE policy_context (
    org        VARCHAR(40) NOT NULL REFERENCES organisations (org),
    name       VARCHAR(40) NOT NULL,
    value_type VARCHAR(16) NOT NULL,
    sort_order INT         NOT NULL,
    PRIMARY KEY (org, name)
);

CREATE TABLE fga_conditions (
    name            VARCHAR(256)  NOT NULL PRIMARY KEY,
    org             VARCHAR(40)   NOT NULL REFERENCES organisations (org),
    role_name       VARCHAR(64)   NOT NULL,
    topic           VARCHAR(40)   NOT NULL,
    expression      VARCHAR(2000) NOT NULL,
    parameters_json VARCHAR(2000) NOT NULL,
    sort_order      INT           NOT NULL
);

CREATE TABLE meeting_context (
    org         VARCHAR(40)   NOT NULL,
    meeting_id  VARCHAR(64)   NOT NULL,
    member      VARCHAR(320)  NOT NULL,
    values_json VARCHAR(4000) NOT NULL,
    PRIMARY KEY (org, meeting_id, member)
);
