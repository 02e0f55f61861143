-- Keep in step with ../h2/V6__member_trigram_indexes.sql.
-- The shared branch of a text search that reads its matches first (see V5) read every user's
-- shared memberships matching the text through the trigram indexes on the copied name and
-- description (V4) and only then kept the caller's. As V5 did for the owner on projects, the member
-- now leads the same GIN index as a one-element array (the search asks ARRAY[user_id] @> ARRAY[?];
-- with a plain user_id = ? the planner without statistics takes a bitmap of the member's entries
-- of a b-tree instead), so one index scan intersects the member's entries with the text's
-- trigrams. Same partial predicate as before: only shared rows carry the copies. A condition on the
-- text alone still uses these indexes.
DROP INDEX ix_project_members_shared_name_trgm;
DROP INDEX ix_project_members_shared_description_trgm;
CREATE INDEX ix_project_members_shared_user_name_trgm ON project_members
    USING gin ((ARRAY[user_id]), lower(project_name) gin_trgm_ops) WHERE shared;
CREATE INDEX ix_project_members_shared_user_description_trgm ON project_members
    USING gin ((ARRAY[user_id]), lower(project_description) gin_trgm_ops) WHERE shared;
