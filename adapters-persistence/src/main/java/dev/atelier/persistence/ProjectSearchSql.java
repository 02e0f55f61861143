package dev.atelier.persistence;

import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Visibility;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The SQL of one project search, built from fixed fragments only: the sort key comes from a
 * switch over {@link dev.atelier.domain.model.ProjectSort}, every value the caller typed is a
 * bound parameter, and {@code %}/{@code _} in the search text are escaped.
 *
 * <p>The visible set is split into disjoint branches, one per visibility: the caller's own
 * projects (by owner, narrowed to the workspace), organization-scoped projects of the caller's
 * organization that are not already own ones, and projects shared with the caller through a
 * membership that are neither. Each branch is answered by its own index ({@code (owner_id,
 * <key>, id)}, {@code (workspace_id, owner_id, created_at, id)}, {@code (organization, scope,
 * created_at, id)}, on PostgreSQL {@code (user_id, project_<key>, project_id) WHERE shared} over the
 * copies of the project's keys on the caller's shared memberships) and ordered and cut to
 * {@code offset + limit} rows on its own, so the database reads the top of each index instead of sorting the whole visible
 * set; the page is the top {@code offset + limit} of their {@code UNION ALL} (no duplicates:
 * the branches are disjoint), and only that page's rows are read in full. The total is the sum
 * of one count per branch, each stopped at {@link ProjectQuery#countLimit()} + 1 rows. A page
 * after a {@link ProjectPosition} starts each branch's walk there instead of skipping an offset.
 * {@link JdbcProjectRepository#search} runs the statements.
 */
final class ProjectSearchSql {
    private final ProjectQuery q;
    private final Dialect dialect;
    /** The WHERE/FROM of each branch, with the values bound into it. */
    private final List<Branch> branches = new ArrayList<>();

    /** The search text as a LIKE pattern (null without search text), bound twice: name and description. */
    private final String pattern;

    /**
     * Whether a text search is answered matches first (PostgreSQL): each branch reads the rows
     * that match the text through the trigram indexes, in an optimization fence ({@code OFFSET
     * 0}), and only then applies its visibility condition and sorts them. Chosen for words that
     * are rare in the branches' first rows (see {@link #probeSql}); otherwise each branch walks
     * its sort index and tests every row, which stops soon for a frequent word.
     */
    private final boolean matchesFirst;

    /**
     * One visibility branch: its FROM/WHERE with the values bound into it, the table it reads
     * from (whose {@code FROM <table> <alias>} opens {@code from}), the status, name and
     * description columns the filters test, and the expressions of its sort key and project id
     * ({@code null} key: the id alone orders). {@code matchCondition} is what a fenced match
     * adds to the table's rows ({@code shared} for memberships, whose trigram indexes hold only
     * the shared rows). {@code fence} (with its values {@code fenceParams}) is the part of the
     * branch's own condition that the trigram indexes answer together with the text, and that
     * a fenced match therefore reads inside the fence ({@code {t}} stands for the fenced table's
     * alias): the owner, on {@code projects}, whose trigram indexes are {@code (ARRAY[owner_id],
     * lower(<text>))} (V5), and the member, on the shared memberships, whose trigram indexes are
     * {@code (ARRAY[user_id], lower(<copy>)) WHERE shared} (V6); {@code null} for none.
     */
    private record Branch(
            String from,
            List<String> params,
            String table,
            String alias,
            String status,
            String name,
            String description,
            String matchCondition,
            String fence,
            List<String> fenceParams,
            String key,
            String id) {}

    ProjectSearchSql(ProjectQuery q, Dialect dialect) {
        this(q, dialect, false);
    }

    ProjectSearchSql(ProjectQuery q, Dialect dialect, boolean matchesFirst) {
        this.q = q;
        this.dialect = dialect;
        this.pattern = q.search() == null ? null : "%" + escapeLike(q.search()) + "%";
        this.matchesFirst = matchesFirst && pattern != null && dialect == Dialect.POSTGRES;
        buildBranches();
    }

    /** The text condition on a name and a description column; two values, the {@link #pattern}. */
    private static String matches(String name, String description) {
        return "(lower(" + name + ") LIKE lower(?) ESCAPE '!' OR lower(" + description + ") LIKE lower(?) ESCAPE '!')";
    }

    /** The branch's FROM/WHERE: as built, or with the table's matching rows fenced in first. */
    private String from(Branch b) {
        if (!matchesFirst) {
            return b.from();
        }
        String opening = " FROM " + b.table() + " " + b.alias();
        String inner = b.alias() + "0";
        return " FROM (SELECT * FROM " + b.table() + " " + inner + " WHERE "
                + (b.matchCondition() == null ? "" : inner + "." + b.matchCondition() + " AND ")
                + (b.fence() == null ? "" : b.fence().replace("{t}", inner) + " AND ")
                + matches(inner + "." + b.name(), inner + "." + b.description()) + " OFFSET 0) " + b.alias()
                + b.from().substring(opening.length());
    }

    /** The archived filter and, unless the matches are fenced in {@link #from}, the search filter. */
    private String filters(Branch b) {
        StringBuilder sql = new StringBuilder();
        if (q.archived() != null) {
            sql.append(q.archived() ? " AND " + b.status() + " = ?" : " AND " + b.status() + " <> ?");
        }
        if (pattern != null && !matchesFirst) {
            sql.append(" AND ").append(matches(b.alias() + "." + b.name(), b.alias() + "." + b.description()));
        }
        return sql.toString();
    }

    /** A branch over {@code projects p}: filters, sort key and id are the project's own columns. */
    private Branch projectBranch(String from, List<String> params) {
        return projectBranch(from, params, null, List.of());
    }

    private Branch projectBranch(String from, List<String> params, String fence, List<String> fenceParams) {
        return new Branch(
                from,
                params,
                "projects",
                "p",
                "p.status",
                "name",
                "description",
                null,
                fence,
                fenceParams,
                key(),
                "p.id");
    }

    private void buildBranches() {
        String caller = q.caller().id().value();
        boolean own = q.visibilities().contains(Visibility.USER);
        String org = q.caller().organization();
        boolean organization = q.visibilities().contains(Visibility.ORGANIZATION) && org != null && !org.isBlank();
        String ownWorkspace = q.workspace() == null ? null : q.workspace().value();
        if (own) {
            // A fenced match reads the caller's matches only, from the (ARRAY[owner_id],
            // lower(<text>)) trigram indexes, instead of every match in the database (77,000
            // projects for a frequent word at 1M, of which the caller's are 9,600). The owner is
            // tested as array containment because no other index answers that: without statistics
            // the planner preferred a bitmap of all the owner's entries of a b-tree (30,000 rows
            // read to keep 1,100) to the trigram index. The workspace stays outside the fence, no
            // trigram index holds it.
            List<String> owner = List.of(caller);
            String fence = "ARRAY[{t}.owner_id] @> ARRAY[CAST(? AS VARCHAR)]";
            branches.add(
                    ownWorkspace == null
                            ? projectBranch(" FROM projects p WHERE p.owner_id = ?", owner, fence, owner)
                            : projectBranch(
                                    " FROM projects p WHERE p.workspace_id = ? AND p.owner_id = ?",
                                    List.of(ownWorkspace, caller),
                                    fence,
                                    owner));
        }
        if (organization) {
            List<String> params = new ArrayList<>(List.of(org, Scope.ORGANIZATION.name()));
            String sql = " FROM projects p WHERE p.organization = ? AND p.scope = ?";
            if (own) {
                // leave out what the own branch lists
                if (ownWorkspace == null) {
                    sql += " AND p.owner_id <> ?";
                    params.add(caller);
                } else {
                    sql += " AND (p.owner_id <> ? OR p.workspace_id <> ?)";
                    params.add(caller);
                    params.add(ownWorkspace);
                }
            }
            branches.add(projectBranch(sql, params));
        }
        if (q.visibilities().contains(Visibility.SHARED)) {
            branches.add(
                    dialect == Dialect.POSTGRES
                            ? sharedBranchByCopies(caller, organization, org)
                            : sharedBranch(caller, organization, org));
        }
    }

    /**
     * PostgreSQL: the shared branch walks the caller's shared memberships in the page's order
     * ({@code (user_id, project_<key>, project_id) WHERE shared}) and stops at the page, using the
     * copies of the project's sort keys, name and description on the membership row (V4). The
     * project row is read only for what the copies do not hold (the archived filter, leaving out
     * organization projects), then once per row tested, still in index order.
     */
    private Branch sharedBranchByCopies(String caller, boolean organization, String org) {
        List<String> params = new ArrayList<>(List.of(caller));
        boolean needsProject = organization || q.archived() != null;
        StringBuilder sql = new StringBuilder(" FROM project_members m");
        if (needsProject) {
            // looked up per membership: a LATERAL with LIMIT, which the planner keeps as it is
            sql.append(" CROSS JOIN LATERAL (SELECT * FROM projects p0 WHERE p0.id = m.project_id LIMIT 1) p");
        }
        // m.shared: the owner's own row is not shared (written so with the membership, and the
        // copies only exist on shared rows); with the project at hand the owner test is repeated
        sql.append(" WHERE m.user_id = ? AND m.shared = TRUE");
        if (needsProject) {
            sql.append(" AND p.owner_id <> ?");
            params.add(caller);
        }
        if (organization) {
            sql.append(" AND (p.scope <> ? OR p.organization IS NULL OR p.organization <> ?)");
            params.add(Scope.ORGANIZATION.name());
            params.add(org);
        }
        String key = switch (q.sort()) {
            case CREATED_AT -> "m.project_created_at";
            case UPDATED_AT -> "m.project_updated_at";
            // the copy is declared COLLATE "C": code-point order like the own branch's
            case NAME -> "m.project_name";
            case DATASET_COUNT -> "m.project_dataset_count";
            case MODEL_COUNT, EXPERIMENT_COUNT -> null;
        };
        return new Branch(
                sql.toString(),
                params,
                "project_members",
                "m",
                "p.status",
                "project_name",
                "project_description",
                "shared = TRUE",
                // a fenced match reads the caller's shared matches only, from the (ARRAY[user_id],
                // lower(<copy>)) WHERE shared trigram indexes (V6), instead of every user's shared
                // matches; containment, as the own branch's owner, so that no b-tree on user_id
                // answers it in place of the trigram index when there are no statistics
                "ARRAY[{t}.user_id] @> ARRAY[CAST(? AS VARCHAR)]",
                List.of(caller),
                key,
                "m.project_id");
    }

    /** H2: the caller's shared memberships joined with their projects (H2 scans and sorts anyway). */
    private Branch sharedBranch(String caller, boolean organization, String org) {
        List<String> params = new ArrayList<>(List.of(caller, caller));
        // m.shared leaves out the caller's memberships of her own projects before they are read;
        // the owner test stays as the rule
        String sql = " FROM project_members m JOIN projects p ON p.id = m.project_id"
                + " WHERE m.user_id = ? AND m.shared = TRUE AND p.owner_id <> ?";
        if (organization) {
            // leave out what the organization branch lists (organization may be null)
            sql += " AND (p.scope <> ? OR p.organization IS NULL OR p.organization <> ?)";
            params.add(Scope.ORGANIZATION.name());
            params.add(org);
        }
        return projectBranch(sql, params);
    }

    /**
     * The rows after the query's position in {@code (key, id)} order, or nothing without one.
     * PostgreSQL gets a row comparison, which the branch's {@code (…, key, id)} index answers
     * as the start of its walk; H2 the same condition spelled out.
     */
    private String afterPosition(Branch b) {
        if (q.after() == null) {
            return "";
        }
        String op = q.ascending() ? " > " : " < ";
        String key = b.key();
        if (key == null) {
            return " AND " + b.id() + op + "?";
        }
        if (dialect == Dialect.POSTGRES) {
            return " AND (" + key + ", " + b.id() + ")" + op + "(?, ?)";
        }
        return " AND (" + key + op + "? OR (" + key + " = ? AND " + b.id() + op + "?))";
    }

    private int bindAfterPosition(PreparedStatement ps, int start) throws SQLException {
        ProjectPosition after = q.after();
        if (after == null) {
            return start;
        }
        int i = start;
        if (after.key() != null) {
            int times = dialect == Dialect.POSTGRES ? 1 : 2;
            for (int t = 0; t < times; t++) {
                switch (after.key()) {
                    case java.time.Instant instant -> Db.setInstant(ps, i++, instant);
                    case Integer number -> ps.setInt(i++, number);
                    case String text -> ps.setString(i++, text);
                    default -> throw new IllegalStateException("unexpected position key " + after.key());
                }
            }
        }
        ps.setString(i++, after.id().value());
        return i;
    }

    /** Rows a page reads: one more than the page after a position, to tell whether more follow. */
    private long pageRows() {
        return q.limit() + (q.after() == null ? 0 : 1);
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    boolean matchesNothing() {
        return branches.isEmpty();
    }

    /** The sort key of a project row, or null when only the id orders (model/experiment counts). */
    private String key() {
        return switch (q.sort()) {
            case CREATED_AT -> "p.created_at";
            case UPDATED_AT -> "p.updated_at";
            case NAME -> dialect.nameOrder();
            case DATASET_COUNT -> "p.dataset_count";
            // no models or experiments are tracked yet: every project counts 0, the id orders
            case MODEL_COUNT, EXPERIMENT_COUNT -> null;
        };
    }

    private String order(String keyColumn, String idColumn) {
        String direction = q.ascending() ? " ASC" : " DESC";
        return (keyColumn == null ? "" : keyColumn + direction + ", ") + idColumn + direction;
    }

    /**
     * One windowed count per branch, summed. On PostgreSQL each branch's rows are taken in the
     * order of the branch's page, so that (with sorts steered away, see {@link
     * JdbcProjectRepository#search}) the count walks the same index as the page and stops at the
     * window: left to itself, the planner counted the own branch with a bitmap scan, which reads
     * every index entry of the owner before the first row (125,000 entries, 130 ms, for a window of
     * 1,000). A search answered matches first counts its matches in no order: it reads them from
     * a bitmap, and a count in the page's order would sort all of them (9,600 rows read for a
     * window of 121) where the bitmap scan can stop at the window.
     */
    String countSql() {
        return summedCounts(
                b -> dialect == Dialect.POSTGRES && !matchesFirst ? " ORDER BY " + order(b.key(), b.id()) : "");
    }

    /** Each branch's rows, {@code tail} added to its condition, counted up to a bound each, summed. */
    private String summedCounts(Function<Branch, String> tail) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < branches.size(); i++) {
            Branch b = branches.get(i);
            sql.append(i == 0 ? "" : " + ")
                    .append("(SELECT COUNT(*) FROM (SELECT 1 AS one")
                    .append(from(b))
                    .append(filters(b))
                    .append(tail.apply(b))
                    .append(" LIMIT ?) c")
                    .append(i)
                    .append(')');
        }
        return sql.toString();
    }

    /**
     * PostgreSQL, text search: one row per branch, how many of its first {@code probeRows} rows
     * in the page's order there are and how many of them match the text. The walk is a short
     * index walk whatever the word; it tells a frequent word (the branch's walk finds the page and
     * the count window soon) from a rare one (it would walk the whole branch) without statistics.
     */
    String probeSql() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < branches.size(); i++) {
            Branch b = branches.get(i);
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT count(*), count(*) FILTER (WHERE ")
                    .append(matches("x.n", "x.d"))
                    .append(") FROM (SELECT ")
                    .append(b.alias() + "." + b.name() + " AS n, " + b.alias() + "." + b.description() + " AS d")
                    .append(b.from())
                    .append(q.archived() == null ? "" : " AND " + b.status() + (q.archived() ? " = ?" : " <> ?"))
                    .append(" ORDER BY ")
                    .append(order(b.key(), b.id()))
                    .append(" LIMIT ?) x");
        }
        return sql.toString();
    }

    void bindProbe(PreparedStatement ps, int probeRows) throws SQLException {
        int i = 1;
        for (Branch b : branches) {
            ps.setString(i++, pattern);
            ps.setString(i++, pattern);
            for (String v : b.params()) {
                ps.setString(i++, v);
            }
            if (q.archived() != null) {
                ps.setString(i++, ProjectStatus.ARCHIVED.name());
            }
            ps.setInt(i++, probeRows);
        }
    }

    String pageSql() {
        return dialect == Dialect.POSTGRES ? topOfEachBranchSql() : filteredSortSql();
    }

    /**
     * H2: one ordered, paged select over the union of the branches' ids (H2 scans anyway; its
     * handling of per-branch LIMITs inside a joined derived table returned short pages).
     */
    private String filteredSortSql() {
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < branches.size(); i++) {
            Branch b = branches.get(i);
            union.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT p.id")
                    .append(from(b))
                    .append(filters(b))
                    .append(afterPosition(b));
        }
        return "SELECT " + JdbcProjectRepository.COLUMNS + " FROM projects p WHERE p.id IN (" + union + ") ORDER BY "
                + order(key() == null ? null : key(), "p.id") + " LIMIT ? OFFSET ?";
    }

    private String topOfEachBranchSql() {
        String key = key();
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < branches.size(); i++) {
            Branch b = branches.get(i);
            union.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT " + b.id() + " AS id")
                    .append(b.key() == null ? "" : ", " + b.key() + " AS k")
                    .append(from(b))
                    .append(filters(b))
                    .append(afterPosition(b))
                    .append(" ORDER BY ")
                    .append(order(b.key(), b.id()))
                    .append(" LIMIT ?)");
        }
        String pageKey = key == null ? null : "v.k";
        String outerKey = key == null ? null : "pg.k";
        return "SELECT " + JdbcProjectRepository.COLUMNS + " FROM projects p JOIN (SELECT v.id"
                + (key == null ? "" : ", v.k")
                + " FROM (" + union + ") v ORDER BY " + order(pageKey, "v.id") + " LIMIT ? OFFSET ?) pg"
                + " ON pg.id = p.id ORDER BY " + order(outerKey, "pg.id");
    }

    /**
     * Whether the total of a page is counted after the page instead of from the start
     * (PostgreSQL, a plain list at an offset): the page statement walks each branch to {@code
     * offset + limit} and a count from the start would walk each again, past that, to the count
     * window, both in proportion to the offset. After a full page the count need only walk on from
     * the page's last row ({@link #countAfterPositionSql}), at most the window past it.
     */
    boolean countsAfterPage() {
        return dialect == Dialect.POSTGRES && pattern == null && q.after() == null && q.offset() > 0;
    }

    /**
     * One count per branch of the rows after the query's position, each stopped at a bound
     * ({@link #bindCountAfterPosition}), summed: the branch's index walk starts at the position,
     * as a page after it does. Built for a query continued after the last row of a page.
     */
    String countAfterPositionSql() {
        return summedCounts(b -> afterPosition(b) + " ORDER BY " + order(b.key(), b.id()));
    }

    void bindCountAfterPosition(PreparedStatement ps, long branchLimit) throws SQLException {
        bindBranches(ps, true, branchLimit);
    }

    /**
     * Binds every branch's values, the position's when {@code paging}, and the branch's row
     * limit unless it is negative (H2's page has none).
     */
    private int bindBranches(PreparedStatement ps, boolean paging, long branchLimit) throws SQLException {
        int i = 1;
        for (Branch b : branches) {
            if (matchesFirst) {
                for (String v : b.fenceParams()) {
                    ps.setString(i++, v);
                }
                ps.setString(i++, pattern);
                ps.setString(i++, pattern);
            }
            for (String v : b.params()) {
                ps.setString(i++, v);
            }
            if (q.archived() != null) {
                ps.setString(i++, ProjectStatus.ARCHIVED.name());
            }
            if (pattern != null && !matchesFirst) {
                ps.setString(i++, pattern);
                ps.setString(i++, pattern);
            }
            if (paging) {
                i = bindAfterPosition(ps, i);
            }
            if (branchLimit >= 0) {
                ps.setLong(i++, branchLimit);
            }
        }
        return i;
    }

    void bindCount(PreparedStatement ps) throws SQLException {
        bindBranches(ps, false, q.countLimit() + 1);
    }

    void bindPage(PreparedStatement ps) throws SQLException {
        int i = bindBranches(ps, true, dialect == Dialect.POSTGRES ? q.offset() + pageRows() : -1);
        ps.setLong(i++, pageRows());
        ps.setLong(i, q.offset());
    }
}
