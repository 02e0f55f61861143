-- Keep in step with ../h2/V3__shared_memberships.sql.
-- The shared branch of the project list reads the caller's memberships of projects someone else
-- owns. Without a mark on the membership row it had to read every membership of the caller,
-- including one per own project (150,000 for a heavy owner), join each to its project and discard
-- the own ones. "shared" is false on the owner's own membership row and true on every other; the
-- owner of a project never changes, so the mark is written once with the row. New rows default to
-- true (a membership someone was given) and the owner's row is marked when it is written.
ALTER TABLE project_members ADD COLUMN shared BOOLEAN NOT NULL DEFAULT TRUE;
UPDATE project_members m SET shared = FALSE
    FROM projects p WHERE p.id = m.project_id AND p.owner_id = m.user_id;
-- partial: only the memberships the shared branch can list, in the order it looks them up
CREATE INDEX ix_project_members_shared ON project_members (user_id, project_id) WHERE shared;
