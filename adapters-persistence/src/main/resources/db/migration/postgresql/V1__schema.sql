-- Atelier schema, PostgreSQL flavour. Keep in step with ../h2/V1__schema.sql.
-- Identifiers use COLLATE "C" so that ordering by id is plain code-point order (the same order
-- as Java's String.compareTo, which the in-memory reference store and H2 use).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
    id           VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    email        VARCHAR(320) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    organization VARCHAR(200),
    is_admin     BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE api_keys (
    id           VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64) COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash  VARCHAR(128) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked      BOOLEAN      NOT NULL
);
CREATE INDEX ix_api_keys_user ON api_keys (user_id);

CREATE TABLE workspaces (
    id           VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    description  TEXT,
    metadata     TEXT          NOT NULL,
    owner_id     VARCHAR(64) COLLATE "C" NOT NULL,
    organization VARCHAR(200),
    scope        VARCHAR(20)   NOT NULL,
    is_default   BOOLEAN       NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
-- one default workspace per owner, even under concurrent first use
CREATE UNIQUE INDEX uq_workspaces_default ON workspaces (owner_id) WHERE is_default;
CREATE INDEX ix_workspaces_owner ON workspaces (owner_id, created_at, id);
CREATE INDEX ix_workspaces_org ON workspaces (organization, scope);

CREATE TABLE projects (
    id                 VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    workspace_id       VARCHAR(64) COLLATE "C" NOT NULL REFERENCES workspaces (id),
    name               VARCHAR(200)  NOT NULL,
    description        TEXT,
    metadata           TEXT          NOT NULL,
    type               VARCHAR(100)  NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    scope              VARCHAR(20)   NOT NULL,
    owner_id           VARCHAR(64) COLLATE "C" NOT NULL REFERENCES users (id),
    organization       VARCHAR(200),
    rapid              BOOLEAN,
    studio             BOOLEAN,
    pipeline           VARCHAR(100),
    consensus_attempts INTEGER,
    dataset_id         VARCHAR(200),
    pinned             BOOLEAN       NOT NULL,
    dataset_count      INTEGER       NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT uq_projects_name UNIQUE (workspace_id, owner_id, name)
);
CREATE INDEX ix_projects_owner ON projects (owner_id, workspace_id);
CREATE INDEX ix_projects_org ON projects (organization, scope);
-- one b-tree per sort field, id as the tie-break (the search orders by "<field>, id")
CREATE INDEX ix_projects_created ON projects (created_at, id);
CREATE INDEX ix_projects_updated ON projects (updated_at, id);
CREATE INDEX ix_projects_name ON projects ((name COLLATE "C"), id);
CREATE INDEX ix_projects_datasets ON projects (dataset_count, id);
-- substring search: lower(x) LIKE lower(?) uses these trigram indexes
CREATE INDEX ix_projects_name_trgm ON projects USING gin (lower(name) gin_trgm_ops);
CREATE INDEX ix_projects_description_trgm ON projects USING gin (lower(description) gin_trgm_ops);

CREATE TABLE project_params (
    project_id  VARCHAR(64) COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version     INTEGER     NOT NULL,
    params      TEXT        NOT NULL,
    instruction TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_project_params PRIMARY KEY (project_id, version)
);

CREATE TABLE project_members (
    project_id VARCHAR(64) COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    VARCHAR(64) COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       VARCHAR(20) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_project_members PRIMARY KEY (project_id, user_id)
);
CREATE INDEX ix_project_members_user ON project_members (user_id, project_id);

CREATE TABLE project_events (
    id          VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    project_id  VARCHAR(64) COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    type        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    actor_id    VARCHAR(64) COLLATE "C",
    happened_at TIMESTAMPTZ  NOT NULL,
    details     TEXT         NOT NULL
);
CREATE INDEX ix_project_events_timeline ON project_events (project_id, happened_at, id);

CREATE TABLE project_documents (
    id           VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    project_id   VARCHAR(64) COLLATE "C" NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    filename     VARCHAR(255) NOT NULL,
    media_type   VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    text_content TEXT         NOT NULL,
    pages        INTEGER,
    row_count    INTEGER,
    column_count INTEGER,
    characters   INTEGER      NOT NULL,
    truncated    BOOLEAN      NOT NULL,
    dataset      BOOLEAN      NOT NULL,
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_project_documents_list ON project_documents (project_id, created_at, id);
