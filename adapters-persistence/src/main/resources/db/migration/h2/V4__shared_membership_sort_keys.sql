-- Keep in step with ../postgresql/V4__shared_membership_sort_keys.sql (H2 has no partial index and
-- no trigram index: the mark leads plain ones, and a search tests the copies row by row).
ALTER TABLE project_members ADD COLUMN project_name VARCHAR(200);
ALTER TABLE project_members ADD COLUMN project_description VARCHAR(10000);
ALTER TABLE project_members ADD COLUMN project_created_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE project_members ADD COLUMN project_updated_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE project_members ADD COLUMN project_dataset_count INTEGER;
UPDATE project_members m
    SET (project_name, project_description, project_created_at, project_updated_at, project_dataset_count) =
        (SELECT p.name, p.description, p.created_at, p.updated_at, p.dataset_count
         FROM projects p WHERE p.id = m.project_id)
    WHERE m.shared = TRUE;
CREATE INDEX ix_project_members_shared_created ON project_members (user_id, shared, project_created_at, project_id);
CREATE INDEX ix_project_members_shared_updated ON project_members (user_id, shared, project_updated_at, project_id);
CREATE INDEX ix_project_members_shared_name ON project_members (user_id, shared, project_name, project_id);
CREATE INDEX ix_project_members_shared_datasets ON project_members (user_id, shared, project_dataset_count, project_id);
