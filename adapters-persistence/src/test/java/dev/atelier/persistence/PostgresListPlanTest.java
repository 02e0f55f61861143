package dev.atelier.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Visibility;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plans PostgreSQL runs for the resource list (own and shared projects) on a database that
 * was never analyzed (no statistics; autovacuum is off on the servers this runs on): every sort's
 * page and count must walk an index in the page's order and stop, whatever the size of the
 * caller's own and shared sets. The statements are those {@link JdbcProjectRepository#search}
 * issues, run with EXPLAIN ANALYZE under its plain-list settings.
 */
class PostgresListPlanTest {
    private static final int OWN = 30_000;
    private static final int SHARED = 6_000;
    private static final User CALLER =
            new User(new UserId("u-plan"), "plan@example.test", "Plan", null, false, Instant.EPOCH);

    private static PostgresTestDatabase database;
    private static ApplicationContext context;

    @BeforeAll
    static void seedWithoutStatistics() throws Exception {
        database = PostgresTestDatabase.create();
        context = PersistenceContexts.start(database.datasourceProperties());
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (id, email, name, organization, is_admin, created_at) VALUES"
                    + " ('u-plan', 'plan@example.test', 'Plan', NULL, false, now()),"
                    + " ('u-other', 'other@example.test', 'Other', NULL, false, now()),"
                    + " ('u-third', 'third@example.test', 'Third', NULL, false, now())");
            st.execute("INSERT INTO workspaces (id, name, description, metadata, owner_id, organization, scope,"
                    + " is_default, created_at, updated_at) VALUES"
                    + " ('w-plan', 'W', NULL, '{}', 'u-plan', NULL, 'USER', true, now(), now()),"
                    + " ('w-other', 'W', NULL, '{}', 'u-other', NULL, 'USER', true, now(), now())");
            // the caller owns OWN projects; the other user owns 2 * SHARED, half of them shared with
            // the caller; keys repeat so that ids break ties
            st.execute("INSERT INTO projects (id, workspace_id, name, description, metadata, type, status, scope,"
                    + " owner_id, organization, pinned, dataset_count, created_at, updated_at, version)"
                    + " SELECT 'p' || lpad(g::text, 7, '0'), CASE WHEN g <= " + OWN + " THEN 'w-plan' ELSE"
                    + " 'w-other' END, 'name ' || (g % 977) || ' ' || g, 'about ' || g, '{}', 'classification',"
                    + " 'ACTIVE', 'USER', CASE WHEN g <= " + OWN + " THEN 'u-plan' ELSE 'u-other' END, NULL,"
                    + " false, g % 7, now() - g * interval '1 minute', now() - (g % 501) * interval '1 hour', 0"
                    + " FROM generate_series(1, " + (OWN + 2 * SHARED) + ") g");
            st.execute("INSERT INTO project_members (project_id, user_id, role, created_at, shared)"
                    + " SELECT id, owner_id, 'OWNER', now(), FALSE FROM projects");
            st.execute("INSERT INTO project_members (project_id, user_id, role, created_at, project_name,"
                    + " project_description, project_created_at, project_updated_at, project_dataset_count)"
                    + " SELECT id, 'u-plan', 'VIEWER', now(), name, description, created_at, updated_at,"
                    + " dataset_count FROM projects WHERE owner_id = 'u-other' AND right(id, 1) IN"
                    + " ('0', '2', '4', '6', '8')");
            // a third user is a viewer of every one of the other user's projects: twice the
            // caller's shared memberships, with the same words in their copies
            st.execute("INSERT INTO project_members (project_id, user_id, role, created_at, project_name,"
                    + " project_description, project_created_at, project_updated_at, project_dataset_count)"
                    + " SELECT id, 'u-third', 'VIEWER', now(), name, description, created_at, updated_at,"
                    + " dataset_count FROM projects WHERE owner_id = 'u-other'");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_statistic s JOIN pg_class t"
                    + " ON t.oid = s.starelid WHERE t.relname IN ('projects', 'project_members')")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no statistics").isZero();
            }
        }
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

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /** EXPLAIN ANALYZE of the search's count and page statements, in one read transaction as the repository runs them. */
    private static List<String> plans(ProjectQuery q) throws Exception {
        return plans(q, false);
    }

    /** The same, for a search built walking or matches first, under the settings the repository gives each. */
    private static List<String> plans(ProjectQuery q, boolean matchesFirst) throws Exception {
        ProjectSearchSql search = new ProjectSearchSql(q, Dialect.POSTGRES, matchesFirst);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(JdbcProjectRepository.PLAIN_LIST_SETTINGS);
                if (q.search() != null) {
                    st.execute(JdbcProjectRepository.CUSTOM_PLANS);
                }
                if (matchesFirst) {
                    st.execute(JdbcProjectRepository.MATCHES_FIRST_SETTINGS);
                }
            }
            List<String> plans = new ArrayList<>();
            plans.add(explain(c, search.countSql(), search::bindCount));
            plans.add(explain(c, search.pageSql(), search::bindPage));
            c.rollback();
            return plans;
        }
    }

    private static String explain(Connection c, String sql, Db.Binder binder) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)) {
            binder.bind(ps);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /** The most rows any scan node of the plan produced. */
    private static long mostRowsOfAScan(String plan) {
        Matcher m = Pattern.compile("Scan[^\\n]*\\(actual rows=(\\d+) loops=(\\d+)\\)")
                .matcher(plan);
        long most = 0;
        while (m.find()) {
            most = Math.max(most, Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)));
        }
        return most;
    }

    private static String sharedIndex(ProjectSort sort) {
        return switch (sort) {
            case CREATED_AT -> "ix_project_members_shared_created";
            case UPDATED_AT -> "ix_project_members_shared_updated";
            case NAME -> "ix_project_members_shared_name";
            case DATASET_COUNT -> "ix_project_members_shared_datasets";
            case MODEL_COUNT, EXPERIMENT_COUNT -> "ix_project_members_shared ";
        };
    }

    private static ProjectQuery list(ProjectSort sort, long offset) {
        return ProjectQuery.builder(CALLER)
                .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                .sort(sort, false)
                .page(20, offset)
                .build();
    }

    @ParameterizedTest
    @EnumSource(ProjectSort.class)
    void the_first_page_and_its_count_walk_the_own_and_shared_indexes_and_stop_without_statistics(ProjectSort sort)
            throws Exception {
        List<String> plans = plans(list(sort, 0));
        String count = plans.get(0);
        String page = plans.get(1);

        assertThat(page).contains(sharedIndex(sort)).doesNotContain("Bitmap").doesNotContainPattern("->  Sort ");
        assertThat(count).doesNotContain("Bitmap").doesNotContainPattern("->  Sort ");
        assertThat(mostRowsOfAScan(page)).as(page).isLessThanOrEqualTo(20);
        assertThat(mostRowsOfAScan(count)).as(count).isLessThanOrEqualTo(ProjectQuery.TOTAL_WINDOW + 21);
    }

    /** The count and the page's ids of a search built one way or the other. */
    private static List<String> run(ProjectQuery q, boolean matchesFirst) throws Exception {
        ProjectSearchSql search = new ProjectSearchSql(q, Dialect.POSTGRES, matchesFirst);
        List<String> out = new ArrayList<>();
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement(search.countSql())) {
                search.bindCount(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add("count " + rs.getLong(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(search.pageSql())) {
                search.bindPage(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString("id"));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(ProjectSort.class)
    void a_search_answered_matches_first_lists_and_counts_what_the_walk_lists(ProjectSort sort) throws Exception {
        for (String text : List.of("about 1234", "NAME 5", "about 3", "nothing like this")) {
            for (Boolean archived : new Boolean[] {null, false}) {
                // every workspace (the resource API) and one (v1: the workspace stays outside the fence)
                for (String workspace : new String[] {null, "w-plan"}) {
                    ProjectQuery.Builder b = ProjectQuery.builder(CALLER)
                            .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                            .search(text)
                            .archived(archived)
                            .sort(sort, sort.ordinal() % 2 == 0)
                            .page(7, 3);
                    if (workspace != null) {
                        b.workspace(new dev.atelier.domain.model.WorkspaceId(workspace));
                    }
                    ProjectQuery q = b.build();
                    List<String> walked = run(q, false);

                    assertThat(run(q, true))
                            .as("%s %s %s", text, archived, workspace)
                            .containsExactlyElementsOf(walked);
                }
            }
        }
    }

    /** The rows the plan's bitmap heap scans of {@code projects} produced, summed. */
    private static long projectRowsRead(String plan) {
        Matcher heap = Pattern.compile("Bitmap Heap Scan on projects[^\\n]*\\(actual rows=(\\d+) loops=(\\d+)\\)")
                .matcher(plan);
        long rows = 0;
        while (heap.find()) {
            rows += Long.parseLong(heap.group(1)) * Long.parseLong(heap.group(2));
        }
        return rows;
    }

    /** How many of the caller's own projects match {@code text} (name or description). */
    private static long ownMatches(String text) throws Exception {
        return countMatches(
                "SELECT count(*) FROM projects WHERE owner_id = 'u-plan'"
                        + " AND (lower(name) LIKE ? OR lower(description) LIKE ?)",
                text);
    }

    /** {@code countSql}'s count, its two placeholders bound to a substring pattern of {@code text}. */
    private static long countMatches(String countSql, String text) throws Exception {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(countSql)) {
            ps.setString(1, "%" + text + "%");
            ps.setString(2, "%" + text + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A word frequent among other owners' projects: answered matches first, the own branch must
     * read only the caller's matches, through the (owner, trigram) indexes, not every project of
     * the database that matches and then drop the others' (77,000 read to keep 9,600 at 1M); and
     * the count stops at its window instead of reading (and sorting) every one of them.
     */
    @ParameterizedTest
    @EnumSource(ProjectSort.class)
    void a_search_answered_matches_first_reads_only_the_callers_own_matches_from_projects(ProjectSort sort)
            throws Exception {
        // "about 3" matches 1,112 of the caller's projects (3, 30-39, 300-399, 3000-3999, 30000) and all 9,999 of
        // the other owner's from p0030001 to p0039999
        long own = ownMatches("about 3");
        ProjectQuery q = ProjectQuery.builder(CALLER)
                .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                .search("about 3")
                .sort(sort, true)
                .page(20, 0)
                .build();

        List<String> plans = plans(q, true);
        assertThat(projectRowsRead(plans.get(0))).as(plans.get(0)).isLessThanOrEqualTo(q.countLimit() + 1);
        for (String plan : plans) {
            assertThat(plan)
                    .containsPattern("ix_projects_owner_name_trgm[^\\n]*\\n\\s*Index Cond: \\(+ARRAY\\[owner_id\\]");
            Matcher heap = Pattern.compile("Bitmap Heap Scan on projects[^\\n]*\\(actual rows=(\\d+) loops=(\\d+)\\)")
                    .matcher(plan);
            assertThat(heap.find()).as(plan).isTrue();
            do {
                assertThat(Long.parseLong(heap.group(1)) * Long.parseLong(heap.group(2)))
                        .as(plan)
                        .isLessThanOrEqualTo(own);
            } while (heap.find());
        }
    }

    /** The rows the plan's bitmap heap scans of {@code project_members} produced, one entry per scan. */
    private static List<Long> membershipRowsRead(String plan) {
        Matcher heap = Pattern.compile(
                        "Bitmap Heap Scan on project_members[^\\n]*\\(actual rows=(\\d+) loops=(\\d+)\\)")
                .matcher(plan);
        List<Long> rows = new ArrayList<>();
        while (heap.find()) {
            rows.add(Long.parseLong(heap.group(1)) * Long.parseLong(heap.group(2)));
        }
        return rows;
    }

    /**
     * The rows each bitmap heap scan of {@code project_members} fetched from the table: those it
     * returned and those its filter or recheck removed.
     */
    private static List<Long> membershipRowsFetched(String plan) {
        Matcher heap = Pattern.compile("Bitmap Heap Scan on project_members[^\\n]*\\(actual rows=(\\d+) loops=(\\d+)\\)"
                        + "((?:\\n\\s+(?!->)[^\\n]*)*)")
                .matcher(plan);
        Pattern removed = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");
        List<Long> rows = new ArrayList<>();
        while (heap.find()) {
            long fetched = Long.parseLong(heap.group(1));
            Matcher r = removed.matcher(heap.group(3));
            while (r.find()) {
                fetched += Long.parseLong(r.group(1));
            }
            rows.add(fetched * Long.parseLong(heap.group(2)));
        }
        return rows;
    }

    /** How many of the caller's shared memberships match {@code text} in their copies. */
    private static long sharedMatches(String text) throws Exception {
        return countMatches(
                "SELECT count(*) FROM project_members WHERE user_id = 'u-plan'"
                        + " AND shared AND (lower(project_name) LIKE ? OR lower(project_description) LIKE ?)",
                text);
    }

    /**
     * The same for the shared branch: answered matches first, it must read only the caller's
     * shared matches, through the (member, trigram) indexes on the memberships' copies, not every
     * user's shared memberships that match (here the third user's twice as many) and then keep
     * the caller's; with or without the project looked up (the archived filter).
     */
    @ParameterizedTest
    @EnumSource(ProjectSort.class)
    void a_search_answered_matches_first_reads_only_the_callers_shared_matches_from_memberships(ProjectSort sort)
            throws Exception {
        // "about 3" is in the copies of 4,999 of the caller's shared memberships (p0030002 to
        // p0039998, even) and of 9,999 of the third user's (p0030001 to p0039999)
        long shared = sharedMatches("about 3");
        assertThat(shared).isPositive();
        for (Boolean archived : new Boolean[] {null, false}) {
            ProjectQuery q = ProjectQuery.builder(CALLER)
                    .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                    .search("about 3")
                    .archived(archived)
                    .sort(sort, true)
                    .page(20, 0)
                    .build();

            List<String> plans = plans(q, true);
            assertThat(membershipRowsRead(plans.get(0)))
                    .as(plans.get(0))
                    .allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(q.countLimit() + 1));
            for (String plan : plans) {
                assertThat(plan)
                        .as("archived %s", archived)
                        .containsPattern("ix_project_members_shared_user_(name|description)_trgm[^\\n]*\\n\\s*"
                                + "Index Cond: \\(+ARRAY\\[user_id\\]");
                assertThat(membershipRowsFetched(plan))
                        .as(plan)
                        .allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(SHARED));
                assertThat(membershipRowsRead(plan))
                        .as(plan)
                        .isNotEmpty()
                        .allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(shared));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProjectSort.class)
    void a_page_after_a_deep_position_starts_both_walks_there(ProjectSort sort) throws Exception {
        // a position 20,000 rows into the caller's own projects (and about half into the shared ones)
        Object key = switch (sort) {
            case CREATED_AT, UPDATED_AT -> Instant.now().minusSeconds(20_000 * 60L);
            case NAME -> "name 500";
            case DATASET_COUNT -> 3;
            case MODEL_COUNT, EXPERIMENT_COUNT -> null;
        };
        ProjectPosition at = new ProjectPosition(sort, false, key, new dev.atelier.domain.model.ProjectId("p0020000"));
        String page = plans(list(sort, 0).after(at)).get(1);

        assertThat(page).contains(sharedIndex(sort)).doesNotContain("Bitmap").doesNotContainPattern("->  Sort ");
        assertThat(mostRowsOfAScan(page)).as(page).isLessThanOrEqualTo(21);
    }

    @ParameterizedTest
    @EnumSource(ProjectSort.class)
    void a_deep_offset_counts_on_from_the_page_instead_of_walking_its_depth_again(ProjectSort sort) throws Exception {
        // 20,000 rows into the caller's 30,000 own projects, most of the shared 6,000 before it
        ProjectQuery q = list(sort, 20_000);
        ProjectSearchSql search = new ProjectSearchSql(q, Dialect.POSTGRES);
        assertThat(search.countsAfterPage()).isTrue();
        List<String> apart = run(q, false);
        long window = q.countLimit() - q.offset() - q.limit();
        String last = apart.getLast();
        String page;
        String count;
        long after;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(JdbcProjectRepository.PLAIN_LIST_SETTINGS);
            }
            page = explain(c, search.pageSql(), search::bindPage);
            ProjectPosition at;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + JdbcProjectRepository.COLUMNS + " FROM projects p WHERE p.id = ?")) {
                ps.setString(1, last);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    at = ProjectPosition.after(JdbcProjectRepository.map(rs), sort, false);
                }
            }
            ProjectSearchSql rest = new ProjectSearchSql(q.after(at), Dialect.POSTGRES);
            count = explain(c, rest.countAfterPositionSql(), ps -> rest.bindCountAfterPosition(ps, window + 1));
            after = Db.count(c, rest.countAfterPositionSql(), ps -> rest.bindCountAfterPosition(ps, window + 1));
            c.rollback();
        }

        // the page walks each branch to offset + limit; the count starts at the page's last row
        // in both indexes and stops at the window: no bitmap, no sort, no walk of the depth again
        assertThat(page).contains(sharedIndex(sort)).doesNotContain("Bitmap").doesNotContainPattern("->  Sort ");
        assertThat(mostRowsOfAScan(page)).as(page).isLessThanOrEqualTo(q.offset() + q.limit());
        assertThat(count).contains(sharedIndex(sort)).doesNotContain("Bitmap").doesNotContainPattern("->  Sort ");
        assertThat(mostRowsOfAScan(count)).as(count).isLessThanOrEqualTo(window + 1);
        // and adds up to what the count from the start counts (36,000 rows, more than the limit)
        long counted = q.offset() + q.limit() + Math.min(after, window + 1);
        assertThat(Math.min(counted, q.countLimit() + 1))
                .isEqualTo(Math.min(Long.parseLong(apart.getFirst().substring("count ".length())), q.countLimit() + 1));
        assertThat(counted).isGreaterThan(q.countLimit());
    }
}
