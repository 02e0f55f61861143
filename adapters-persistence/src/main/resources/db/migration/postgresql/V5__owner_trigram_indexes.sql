-- Keep in step with ../h2/V5__owner_trigram_indexes.sql.
-- A text search that reads its matches first (a word rare in the first rows of the list's order,
-- see docs/performance-queries.md) read every project of the database matching the text through
-- the trigram indexes and only then kept the caller's: 77,000 rows read from the table for a
-- frequent word at 1,000,000 projects, to keep the caller's 9,600. With the owner as the first
-- column of the same GIN index, one index scan intersects the owner's entries with the text's
-- trigrams, and only the caller's matches are read from the table. The owner is indexed as a
-- one-element array (GIN's built-in array operator class; the search asks ARRAY[owner_id] @>
-- ARRAY[?]) because no b-tree answers containment: with a plain owner_id = ?, the planner without
-- statistics took a bitmap of all the owner's entries of a b-tree instead. These replace the
-- trigram indexes on the text alone (a scan without an owner condition still uses them: GIN answers
-- a condition on any one of its columns), so a create maintains as many indexes as before, each
-- with one more key.
DROP INDEX ix_projects_name_trgm;
DROP INDEX ix_projects_description_trgm;
CREATE INDEX ix_projects_owner_name_trgm ON projects USING gin ((ARRAY[owner_id]), lower(name) gin_trgm_ops);
CREATE INDEX ix_projects_owner_description_trgm ON projects
    USING gin ((ARRAY[owner_id]), lower(description) gin_trgm_ops);
