-- Indexes for the project list and search at scale (see docs/performance-queries.md).
-- The search answers each visibility branch from its own index, ordered by the sort key with id as
-- the tie-break, and cuts it at offset + limit: (owner_id, <key>, id) for the caller's own projects
-- in every workspace, (workspace_id, owner_id, created_at, id) for one workspace,
-- (organization, scope, created_at, id) for organization projects. INCLUDE makes the branch filters
-- (workspace, status, owner) index-only. The sort-field indexes over all projects are replaced: no
-- query orders projects without a visibility filter.
DROP INDEX ix_projects_created;
DROP INDEX ix_projects_updated;
DROP INDEX ix_projects_name;
DROP INDEX ix_projects_datasets;
DROP INDEX ix_projects_owner;
DROP INDEX ix_projects_org;
CREATE INDEX ix_projects_owner_created ON projects (owner_id, created_at, id) INCLUDE (workspace_id, status);
CREATE INDEX ix_projects_owner_updated ON projects (owner_id, updated_at, id) INCLUDE (workspace_id, status);
CREATE INDEX ix_projects_owner_name ON projects (owner_id, (name COLLATE "C"), id) INCLUDE (workspace_id, status);
CREATE INDEX ix_projects_owner_datasets ON projects (owner_id, dataset_count, id) INCLUDE (workspace_id, status);
CREATE INDEX ix_projects_owner_id ON projects (owner_id, id) INCLUDE (workspace_id, status);
CREATE INDEX ix_projects_workspace_created ON projects (workspace_id, owner_id, created_at, id) INCLUDE (status, scope);
CREATE INDEX ix_projects_org_created ON projects (organization, scope, created_at, id) INCLUDE (owner_id, workspace_id, status);
