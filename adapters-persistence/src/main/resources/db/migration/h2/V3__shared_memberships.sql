-- Keep in step with ../postgresql/V3__shared_memberships.sql (H2 has no partial index: the mark
-- leads a plain one instead).
ALTER TABLE project_members ADD COLUMN shared BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE project_members m SET shared = FALSE
    WHERE EXISTS (SELECT 1 FROM projects p WHERE p.id = m.project_id AND p.owner_id = m.user_id);
CREATE INDEX ix_project_members_shared ON project_members (user_id, shared, project_id);
