-- Keep in step with ../postgresql/V6__member_trigram_indexes.sql. H2 has no trigram index (a
-- search tests the text row by row), so the member-and-trigram indexes of PostgreSQL have no
-- counterpart here; this version keeps both schemas at the same number.
SELECT 1;
