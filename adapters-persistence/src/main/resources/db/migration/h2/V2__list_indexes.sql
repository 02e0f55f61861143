-- Keep in step with ../postgresql/V2__list_indexes.sql: the same b-tree indexes per visibility
-- branch and sort key (H2 has no INCLUDE; names order in code-point order without a collation).
DROP INDEX ix_projects_created;
DROP INDEX ix_projects_updated;
DROP INDEX ix_projects_name;
DROP INDEX ix_projects_datasets;
DROP INDEX ix_projects_owner;
DROP INDEX ix_projects_org;
CREATE INDEX ix_projects_owner_created ON projects (owner_id, created_at, id);
CREATE INDEX ix_projects_owner_updated ON projects (owner_id, updated_at, id);
CREATE INDEX ix_projects_owner_name ON projects (owner_id, name, id);
CREATE INDEX ix_projects_owner_datasets ON projects (owner_id, dataset_count, id);
CREATE INDEX ix_projects_owner_id ON projects (owner_id, id);
CREATE INDEX ix_projects_workspace_created ON projects (workspace_id, owner_id, created_at, id);
CREATE INDEX ix_projects_org_created ON projects (organization, scope, created_at, id);
