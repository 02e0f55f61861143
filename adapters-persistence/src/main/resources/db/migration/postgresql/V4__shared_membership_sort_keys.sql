-- Keep in step with ../h2/V4__shared_membership_sort_keys.sql.
-- The shared branch of the project list used to read every shared membership of the caller, look
-- each project up and sort them (about 17,000 primary-key probes per page for a viewer of 1 in 50
-- of a million projects, whatever the page). A shared membership row now carries copies of the
-- project's sort keys and searchable text, so the branch walks an index in the page's order and
-- stops at the page, like the own branch does on projects. The repository writes the copies with
-- the membership and rewrites them in the same transaction as every change of the project (update,
-- dataset count); the owner's own row (not shared) carries none, the branch never reads it.
ALTER TABLE project_members ADD COLUMN project_name VARCHAR(200) COLLATE "C";
ALTER TABLE project_members ADD COLUMN project_description TEXT;
ALTER TABLE project_members ADD COLUMN project_created_at TIMESTAMPTZ;
ALTER TABLE project_members ADD COLUMN project_updated_at TIMESTAMPTZ;
ALTER TABLE project_members ADD COLUMN project_dataset_count INTEGER;
UPDATE project_members m
    SET project_name = p.name, project_description = p.description, project_created_at = p.created_at,
        project_updated_at = p.updated_at, project_dataset_count = p.dataset_count
    FROM projects p WHERE p.id = m.project_id AND m.shared;
-- one per sort key, id as the tie-break, as the own branch's (owner_id, <key>, id) indexes
CREATE INDEX ix_project_members_shared_created ON project_members (user_id, project_created_at, project_id) WHERE shared;
CREATE INDEX ix_project_members_shared_updated ON project_members (user_id, project_updated_at, project_id) WHERE shared;
CREATE INDEX ix_project_members_shared_name ON project_members (user_id, project_name, project_id) WHERE shared;
CREATE INDEX ix_project_members_shared_datasets ON project_members (user_id, project_dataset_count, project_id) WHERE shared;
-- substring search of the shared branch: a rare word is found through these instead of testing
-- every shared project (projects has the same pair for the other branches)
CREATE INDEX ix_project_members_shared_name_trgm ON project_members
    USING gin (lower(project_name) gin_trgm_ops) WHERE shared;
CREATE INDEX ix_project_members_shared_description_trgm ON project_members
    USING gin (lower(project_description) gin_trgm_ops) WHERE shared;
