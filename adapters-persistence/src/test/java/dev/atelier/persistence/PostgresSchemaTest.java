package dev.atelier.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL migration must provide for search to stay fast at a million projects. */
class PostgresSchemaTest {
    private static PostgresTestDatabase database;
    private static ApplicationContext context;

    @BeforeAll
    static void migrate() {
        database = PostgresTestDatabase.create();
        context = PersistenceContexts.start(database.datasourceProperties());
        assertThat(context.getBean(Dialect.class)).isEqualTo(Dialect.POSTGRES);
    }

    @AfterAll
    static void drop() {
        if (context != null) {
            context.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static List<String> rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Test
    void trigram_indexes_and_one_sort_index_per_visibility_branch_exist() throws Exception {
        assertThat(rows("SELECT indexname FROM pg_indexes WHERE tablename = 'projects'"))
                .contains(
                        "ix_projects_owner_name_trgm",
                        "ix_projects_owner_description_trgm",
                        "ix_projects_owner_created",
                        "ix_projects_owner_updated",
                        "ix_projects_owner_name",
                        "ix_projects_owner_datasets",
                        "ix_projects_owner_id",
                        "ix_projects_workspace_created",
                        "ix_projects_org_created");
        assertThat(rows("SELECT extname FROM pg_extension")).contains("pg_trgm");
    }

    @Test
    void the_substring_search_predicate_can_use_the_trigram_indexes() throws Exception {
        String plan = String.join(
                "\n",
                rows("EXPLAIN SELECT id FROM projects p WHERE lower(p.name) LIKE lower('%rev!_enue%') ESCAPE '!'"
                        + " OR lower(p.description) LIKE lower('%rev!_enue%') ESCAPE '!'"));

        assertThat(plan).contains("ix_projects_owner_name_trgm").contains("ix_projects_owner_description_trgm");
    }

    /** The owner leads each trigram index as a one-element array, the form the fenced search asks for. */
    @Test
    void each_trigram_index_holds_the_owner_before_the_text() throws Exception {
        assertThat(rows("SELECT indexdef FROM pg_indexes WHERE indexname IN"
                        + " ('ix_projects_owner_name_trgm', 'ix_projects_owner_description_trgm') ORDER BY indexname"))
                .containsExactly(
                        "CREATE INDEX ix_projects_owner_description_trgm ON public.projects USING gin ((ARRAY[owner_id]),"
                                + " lower(description) gin_trgm_ops)",
                        "CREATE INDEX ix_projects_owner_name_trgm ON public.projects USING gin ((ARRAY[owner_id]),"
                                + " lower((name)::text) gin_trgm_ops)");
    }

    /**
     * The member leads each trigram index of the shared memberships' copies as a one-element
     * array, over the shared rows only (the only ones carrying copies), the form the fenced
     * shared branch asks for.
     */
    @Test
    void each_trigram_index_of_the_shared_copies_holds_the_member_before_the_text() throws Exception {
        assertThat(rows("SELECT indexdef FROM pg_indexes WHERE tablename = 'project_members'"
                        + " AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname"))
                .containsExactly(
                        "CREATE INDEX ix_project_members_shared_user_description_trgm ON public.project_members"
                                + " USING gin ((ARRAY[user_id]), lower(project_description) gin_trgm_ops) WHERE shared",
                        "CREATE INDEX ix_project_members_shared_user_name_trgm ON public.project_members"
                                + " USING gin ((ARRAY[user_id]), lower((project_name)::text) gin_trgm_ops) WHERE shared");
    }

    @Test
    void each_sort_of_the_callers_own_projects_can_walk_its_index() throws Exception {
        for (String[] sort : new String[][] {
            {"p.created_at", "ix_projects_owner_created"},
            {"p.updated_at", "ix_projects_owner_updated"},
            {"p.name COLLATE \"C\"", "ix_projects_owner_name"},
            {"p.dataset_count", "ix_projects_owner_datasets"}
        }) {
            String plan = String.join(
                    "\n",
                    rows("EXPLAIN SELECT p.id FROM projects p WHERE p.owner_id = 'u' ORDER BY " + sort[0]
                            + " DESC, p.id DESC LIMIT 20"));

            assertThat(plan).as(sort[0]).contains(sort[1]).doesNotContain("Sort Key");
        }
    }

    @Test
    void a_page_after_a_position_starts_its_index_walk_there_for_each_sort() throws Exception {
        for (String[] sort : new String[][] {
            {"p.created_at", "now()", "ix_projects_owner_created"},
            {"p.updated_at", "now()", "ix_projects_owner_updated"},
            {"p.name COLLATE \"C\"", "'m'", "ix_projects_owner_name"},
            {"p.dataset_count", "3", "ix_projects_owner_datasets"}
        }) {
            String plan = String.join(
                    "\n",
                    rows("EXPLAIN SELECT p.id FROM projects p WHERE p.owner_id = 'u' AND (" + sort[0] + ", p.id) < ("
                            + sort[1] + ", 'x') ORDER BY " + sort[0] + " DESC, p.id DESC LIMIT 21"));

            assertThat(plan)
                    .as(sort[0])
                    .contains(sort[2])
                    .containsPattern("Index Cond: .*ROW\\(")
                    .doesNotContain("Sort Key");
        }
    }

    @Test
    void the_shared_branch_reads_only_memberships_marked_shared_through_their_partial_index() throws Exception {
        assertThat(rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_project_members_shared'"))
                .singleElement()
                .satisfies(
                        def -> assertThat(def).contains("(user_id, project_id)").contains("WHERE shared"));
        String plan = String.join(
                "\n",
                rows("EXPLAIN SELECT p.id FROM project_members m JOIN projects p ON p.id = m.project_id"
                        + " WHERE m.user_id = 'u' AND m.shared = TRUE AND p.owner_id <> 'u'"));

        assertThat(plan).contains("ix_project_members_shared");
    }

    @Test
    void organization_and_workspace_lists_can_walk_their_indexes() throws Exception {
        String org = String.join(
                "\n",
                rows("EXPLAIN SELECT p.id FROM projects p WHERE p.organization = 'o' AND p.scope = 'ORGANIZATION'"
                        + " ORDER BY p.created_at DESC, p.id DESC LIMIT 20"));
        String workspace = String.join(
                "\n",
                rows("EXPLAIN SELECT p.id FROM projects p WHERE p.workspace_id = 'w' AND p.owner_id = 'u'"
                        + " ORDER BY p.created_at DESC, p.id DESC LIMIT 20"));

        assertThat(org).contains("ix_projects_org_created").doesNotContain("Sort Key");
        assertThat(workspace).contains("ix_projects_workspace_created").doesNotContain("Sort Key");
    }

    @Test
    void only_one_default_workspace_per_owner_is_enforced_by_the_schema() throws Exception {
        assertThat(rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_workspaces_default'"))
                .singleElement()
                .satisfies(def -> assertThat(def).contains("UNIQUE").contains("WHERE is_default"));
    }
}
