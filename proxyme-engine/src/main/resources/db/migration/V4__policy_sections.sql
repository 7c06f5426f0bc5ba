-- Policy file sections beyond topics, roles, members, rules and settings (PROTOCOL.md "Policy file"): the
-- organisation's e-mail domains, members' identity-provider subjects, rules' enabled flag and compiled form,
-- playground cases, agent permissions and the default grants of roles (ACI.md). Plain SQL for H2 2.x and
-- PostgreSQL 15. NULL in a new column means "the file did not say", so that an export writes only what was given.

-- An e-mail domain belongs to one organisation.
CREATE TABLE org_domains (
    email_domain VARCHAR(253) NOT NULL PRIMARY KEY,
    org          VARCHAR(40)  NOT NULL REFERENCES organisations (org),
    sort_order   INTEGER      NOT NULL
);
CREATE INDEX org_domains_by_org ON org_domains (org);

-- NULL: the default subject auth0|<email>, not written by the export.
ALTER TABLE members ADD COLUMN subject VARCHAR(320);

-- enabled NULL: in force, not written by the export. compiled_form: the file put effect, topics and phrases under
-- compiled: rather than beside the text. entities: JSON list of the compiled form's entities.
ALTER TABLE rules ADD COLUMN enabled BOOLEAN;
ALTER TABLE rules ADD COLUMN compiled_form BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE rules ADD COLUMN entities VARCHAR(100000) DEFAULT '[]' NOT NULL;

-- Playground cases, in file order: text said to a member or to a role, and the expected outcome and layer.
CREATE TABLE policy_tests (
    org        VARCHAR(40)   NOT NULL REFERENCES organisations (org),
    sort_order INTEGER       NOT NULL,
    case_text  VARCHAR(4000) NOT NULL,
    member     VARCHAR(320),
    role_name  VARCHAR(64),
    outcome    VARCHAR(8)    NOT NULL,
    layer      VARCHAR(20),
    PRIMARY KEY (org, sort_order)
);

-- Agent permissions the organisation defines (read:pii, agent:finance, ...) with their human descriptions.
CREATE TABLE org_permissions (
    org             VARCHAR(40)   NOT NULL REFERENCES organisations (org),
    permission_name VARCHAR(120)  NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    sort_order      INTEGER       NOT NULL,
    PRIMARY KEY (org, permission_name)
);

-- The permissions a role's members grant by default: a JSON list per role, in file order.
CREATE TABLE role_grants (
    org         VARCHAR(40)     NOT NULL REFERENCES organisations (org),
    role_name   VARCHAR(64)     NOT NULL,
    permissions VARCHAR(100000) NOT NULL,
    sort_order  INTEGER         NOT NULL,
    PRIMARY KEY (org, role_name)
);
