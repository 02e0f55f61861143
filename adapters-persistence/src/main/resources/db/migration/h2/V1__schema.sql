-- Atelier schema, H2 flavour (embedded default). Keep in step with ../postgresql/V1__schema.sql.
CREATE TABLE users (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    email        VARCHAR(320) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    organization VARCHAR(200),
    is_admin     BOOLEAN      NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE api_keys (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash  VARCHAR(128) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP(6) WITH TIME ZONE,
    revoked      BOOLEAN      NOT NULL
);
CREATE INDEX ix_api_keys_user ON api_keys (user_id);

CREATE TABLE workspaces (
    id           VARCHAR(64)    NOT NULL PRIMARY KEY,
    name         VARCHAR(200)   NOT NULL,
    description  VARCHAR(10000),
    metadata     CLOB           NOT NULL,
    owner_id     VARCHAR(64)    NOT NULL,
    organization VARCHAR(200),
    scope        VARCHAR(20)    NOT NULL,
    is_default   BOOLEAN        NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- H2 has no partial indexes: a generated column that is the owner for the default workspace
    -- and NULL otherwise, made unique (NULLs do not collide), gives "one default per owner".
    default_owner VARCHAR(64) GENERATED ALWAYS AS (CASE WHEN is_default THEN owner_id END),
    CONSTRAINT uq_workspaces_default UNIQUE (default_owner)
);
CREATE INDEX ix_workspaces_owner ON workspaces (owner_id, created_at, id);
CREATE INDEX ix_workspaces_org ON workspaces (organization, scope);

CREATE TABLE projects (
    id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
    workspace_id       VARCHAR(64)    NOT NULL REFERENCES workspaces (id),
    name               VARCHAR(200)   NOT NULL,
    description        VARCHAR(10000),
    metadata           CLOB           NOT NULL,
    type               VARCHAR(100)   NOT NULL,
    status             VARCHAR(20)    NOT NULL,
    scope              VARCHAR(20)    NOT NULL,
    owner_id           VARCHAR(64)    NOT NULL REFERENCES users (id),
    organization       VARCHAR(200),
    rapid              BOOLEAN,
    studio             BOOLEAN,
    pipeline           VARCHAR(100),
    consensus_attempts INTEGER,
    dataset_id         VARCHAR(200),
    pinned             BOOLEAN        NOT NULL,
    dataset_count      INTEGER        NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT         NOT NULL,
    CONSTRAINT uq_projects_name UNIQUE (workspace_id, owner_id, name)
);
CREATE INDEX ix_projects_owner ON projects (owner_id, workspace_id);
CREATE INDEX ix_projects_org ON projects (organization, scope);
CREATE INDEX ix_projects_created ON projects (created_at, id);
CREATE INDEX ix_projects_updated ON projects (updated_at, id);
CREATE INDEX ix_projects_name ON projects (name, id);
CREATE INDEX ix_projects_datasets ON projects (dataset_count, id);

CREATE TABLE project_params (
    project_id  VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version     INTEGER     NOT NULL,
    params      CLOB        NOT NULL,
    instruction VARCHAR(10000),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_project_params PRIMARY KEY (project_id, version)
);

CREATE TABLE project_members (
    project_id VARCHAR(64) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       VARCHAR(20) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_project_members PRIMARY KEY (project_id, user_id)
);
CREATE INDEX ix_project_members_user ON project_members (user_id, project_id);

CREATE TABLE project_events (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    project_id VARCHAR(64)  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    type       VARCHAR(40)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    actor_id   VARCHAR(64),
    happened_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    details    CLOB         NOT NULL
);
CREATE INDEX ix_project_events_timeline ON project_events (project_id, happened_at, id);

CREATE TABLE project_documents (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    project_id   VARCHAR(64)  NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    filename     VARCHAR(255) NOT NULL,
    media_type   VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    text_content CLOB         NOT NULL,
    pages        INTEGER,
    row_count    INTEGER,
    column_count INTEGER,
    characters   INTEGER      NOT NULL,
    truncated    BOOLEAN      NOT NULL,
    dataset      BOOLEAN      NOT NULL,
    content      BLOB         NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_project_documents_list ON project_documents (project_id, created_at, id);
