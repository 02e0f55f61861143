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
    void trigram_and_sort_indexes_exist() throws Exception {
        assertThat(rows("SELECT indexname FROM pg_indexes WHERE tablename = 'projects'"))
                .contains(
                        "ix_projects_name_trgm",
                        "ix_projects_description_trgm",
                        "ix_projects_created",
                        "ix_projects_updated",
                        "ix_projects_name",
                        "ix_projects_datasets",
                        "ix_projects_owner");
        assertThat(rows("SELECT extname FROM pg_extension")).contains("pg_trgm");
    }

    @Test
    void the_substring_search_predicate_can_use_the_trigram_indexes() throws Exception {
        String plan = String.join(
                "\n",
                rows("EXPLAIN SELECT id FROM projects p WHERE lower(p.name) LIKE lower('%rev!_enue%') ESCAPE '!'"
                        + " OR lower(p.description) LIKE lower('%rev!_enue%') ESCAPE '!'"));

        assertThat(plan).contains("ix_projects_name_trgm").contains("ix_projects_description_trgm");
    }

    @Test
    void the_name_sort_can_walk_its_index() throws Exception {
        String plan = String.join(
                "\n", rows("EXPLAIN SELECT id FROM projects p ORDER BY p.name COLLATE \"C\", p.id LIMIT 20"));

        assertThat(plan).contains("ix_projects_name");
    }

    @Test
    void only_one_default_workspace_per_owner_is_enforced_by_the_schema() throws Exception {
        assertThat(rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_workspaces_default'"))
                .singleElement()
                .satisfies(def -> assertThat(def).contains("UNIQUE").contains("WHERE is_default"));
    }
}
