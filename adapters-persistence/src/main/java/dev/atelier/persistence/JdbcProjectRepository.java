package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.ProjectRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcProjectRepository implements ProjectRepository {
    static final String COLUMNS = "p.id, p.workspace_id, p.name, p.description, p.metadata, p.type, p.status,"
            + " p.scope, p.owner_id, p.organization, p.rapid, p.studio, p.pipeline, p.consensus_attempts,"
            + " p.dataset_id, p.pinned, p.dataset_count, p.created_at, p.updated_at, p.version";

    private final Db db;

    JdbcProjectRepository(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Project p) {
        db.write(c -> {
            if (Db.exists(c, "SELECT 1 FROM projects WHERE id = ?", ps -> ps.setString(1, p.id().value()))) {
                throw new ConflictException("project id " + p.id() + " is already in use");
            }
            if (nameTaken(c, p.workspaceId(), p.ownerId(), p.name(), null)) {
                throw nameClash(p);
            }
            try {
                Db.guardedUpdate(
                        c,
                        "INSERT INTO projects (id, workspace_id, name, description, metadata, type, status, scope,"
                                + " owner_id, organization, rapid, studio, pipeline, consensus_attempts, dataset_id,"
                                + " pinned, dataset_count, created_at, updated_at, version)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        ps -> {
                            ps.setString(1, p.id().value());
                            ps.setString(2, p.workspaceId().value());
                            int i = bindContent(ps, 3, p);
                            ps.setString(i++, p.ownerId().value());
                            ps.setString(i++, p.organization());
                            i = bindLabeling(ps, i, p.labeling());
                            ps.setInt(i++, p.datasetCount());
                            Db.setInstant(ps, i++, p.createdAt());
                            Db.setInstant(ps, i++, p.updatedAt());
                            ps.setLong(i, p.version());
                        });
            } catch (SQLException e) {
                if (Failures.isUniqueViolation(e)) {
                    throw nameClash(p);
                }
                throw e;
            }
            return null;
        });
    }

    private static final String INSERT_PROJECT = "INSERT INTO projects (id, workspace_id, name, description, metadata,"
            + " type, status, scope, owner_id, organization, rapid, studio, pipeline, consensus_attempts, dataset_id,"
            + " pinned, dataset_count, created_at, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_PARAMS =
            "INSERT INTO project_params (project_id, version, params, instruction, created_at) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_MEMBER = "INSERT INTO project_members (project_id, user_id, role, created_at,"
            + " shared, project_name, project_description, project_created_at, project_updated_at,"
            + " project_dataset_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO project_events (id, project_id, type, name, actor_id,"
            + " happened_at, details) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /**
     * PostgreSQL: the four rows of a new project in one statement (one round trip). Data-modifying
     * CTEs run as one statement, and the foreign keys of the dependent rows are checked at its end,
     * when the project row is there.
     */
    private static final String CREATE_POSTGRES = "WITH p AS (" + INSERT_PROJECT + "), pp AS (" + INSERT_PARAMS
            + "), pm AS (" + INSERT_MEMBER + ") " + INSERT_EVENT;

    /**
     * No existence or name check is read first: the primary key and {@code uq_projects_name} decide,
     * and no savepoint is taken, because a failure ends the create anyway. On PostgreSQL the create
     * is one statement, atomic by itself, so outside a transaction it runs in auto-commit: one round
     * trip and no {@code BEGIN}/{@code COMMIT}. H2's four INSERTs need a transaction (joined when
     * open, else their own).
     */
    @Override
    public void create(Creation creation) {
        Project p = creation.project();
        if (db.dialect() == Dialect.POSTGRES) {
            db.writeOneStatement(c -> {
                try {
                    return Db.update(c, CREATE_POSTGRES, ps -> {
                        int i = bindProject(ps, 1, p);
                        i = bindParams(ps, i, creation);
                        i = bindMember(ps, i, creation);
                        bindEvent(ps, i, creation);
                    });
                } catch (SQLException e) {
                    throw conflictOrRethrow(e, p);
                }
            });
            return;
        }
        db.write(c -> {
            try {
                // H2 runs in this process: four statements cost no network round trips
                Db.update(c, INSERT_PROJECT, ps -> bindProject(ps, 1, p));
                Db.update(c, INSERT_PARAMS, ps -> bindParams(ps, 1, creation));
                Db.update(c, INSERT_MEMBER, ps -> bindMember(ps, 1, creation));
                Db.update(c, INSERT_EVENT, ps -> bindEvent(ps, 1, creation));
            } catch (SQLException e) {
                throw conflictOrRethrow(e, p);
            }
            return null;
        });
    }

    /** JDBC batches of {@link Db#CHUNK} rows: one round trip per batch instead of per project. */
    @Override
    public void insertAll(List<Project> projects) {
        if (projects.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_PROJECT)) {
                int pending = 0;
                for (Project p : projects) {
                    bindProject(ps, 1, p);
                    ps.addBatch();
                    if (++pending == Db.CHUNK) {
                        Db.executeBatch(ps, CLASH_IN_BATCH);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    Db.executeBatch(ps, CLASH_IN_BATCH);
                }
            }
            return null;
        });
    }

    private static final String CLASH_IN_BATCH = "a project of this batch clashes with an existing id or name";

    @Override
    public java.util.Set<String> namesIn(WorkspaceId workspace, UserId owner) {
        return db.read(c -> new java.util.HashSet<>(Db.query(
                c,
                "SELECT name FROM projects WHERE workspace_id = ? AND owner_id = ?",
                ps -> {
                    ps.setString(1, workspace.value());
                    ps.setString(2, owner.value());
                },
                rs -> rs.getString(1))));
    }

    /** The domain's conflict for a broken unique constraint of the projects table; else {@code e} itself. */
    private static SQLException conflictOrRethrow(SQLException e, Project p) {
        if (Failures.isUniqueViolation(e)) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("uq_projects_name")) {
                throw nameClash(p);
            }
            if (message.contains("projects_pkey") || message.contains("public.projects(id")) {
                throw new ConflictException("project id " + p.id() + " is already in use");
            }
        }
        return e;
    }

    private static int bindProject(PreparedStatement ps, int start, Project p) throws SQLException {
        ps.setString(start, p.id().value());
        ps.setString(start + 1, p.workspaceId().value());
        int i = bindContent(ps, start + 2, p);
        ps.setString(i++, p.ownerId().value());
        ps.setString(i++, p.organization());
        i = bindLabeling(ps, i, p.labeling());
        ps.setInt(i++, p.datasetCount());
        Db.setInstant(ps, i++, p.createdAt());
        Db.setInstant(ps, i++, p.updatedAt());
        ps.setLong(i++, p.version());
        return i;
    }

    private static int bindParams(PreparedStatement ps, int start, Creation creation) throws SQLException {
        int i = start;
        ps.setString(i++, creation.project().id().value());
        ps.setInt(i++, creation.params().version());
        ps.setString(i++, Json.write(creation.params().params()));
        ps.setString(i++, creation.params().instruction());
        Db.setInstant(ps, i++, creation.params().createdAt());
        return i;
    }

    private static int bindMember(PreparedStatement ps, int start, Creation creation) throws SQLException {
        int i = start;
        ps.setString(i++, creation.owner().projectId().value());
        ps.setString(i++, creation.owner().userId().value());
        ps.setString(i++, creation.owner().role().name());
        Db.setInstant(ps, i++, creation.owner().createdAt());
        // false only on the project owner's own row: the shared branch of the list skips those
        boolean shared = !creation.owner().userId().equals(creation.project().ownerId());
        ps.setBoolean(i++, shared);
        // a shared row carries the copies the shared branch orders and searches by (see
        // SharedMembershipCopies); the owner's own row none
        Project p = creation.project();
        ps.setString(i++, shared ? p.name() : null);
        ps.setString(i++, shared ? p.description() : null);
        Db.setInstant(ps, i++, shared ? p.createdAt() : null);
        Db.setInstant(ps, i++, shared ? p.updatedAt() : null);
        Db.setInteger(ps, i++, shared ? p.datasetCount() : null);
        return i;
    }

    private static int bindEvent(PreparedStatement ps, int start, Creation creation) throws SQLException {
        Event e = creation.created();
        int i = start;
        ps.setString(i++, e.id());
        ps.setString(i++, e.projectId().value());
        ps.setString(i++, e.type().name());
        ps.setString(i++, e.name());
        ps.setString(i++, e.actor() == null ? null : e.actor().value());
        Db.setInstant(ps, i++, e.timestamp());
        ps.setString(i++, Json.write(e.details()));
        return i;
    }

    /** Binds name, description, metadata, type, status, scope from {@code start}; returns the next index. */
    private static int bindContent(PreparedStatement ps, int start, Project p) throws SQLException {
        int i = start;
        ps.setString(i++, p.name());
        ps.setString(i++, p.description());
        ps.setString(i++, Json.write(p.metadata()));
        ps.setString(i++, p.type());
        ps.setString(i++, p.status().name());
        ps.setString(i++, p.scope().name());
        return i;
    }

    private static int bindLabeling(PreparedStatement ps, int start, LabelingOptions l) throws SQLException {
        int i = start;
        Db.setBoolean(ps, i++, l.rapid());
        Db.setBoolean(ps, i++, l.studio());
        ps.setString(i++, l.pipeline());
        Db.setInteger(ps, i++, l.consensusAttempts());
        ps.setString(i++, l.datasetId());
        ps.setBoolean(i++, l.pinned());
        return i;
    }

    private static ConflictException nameClash(Project p) {
        return new ConflictException("a project named '" + p.name() + "' already exists in this workspace");
    }

    @Override
    public Project update(Project p) {
        return db.write(c -> {
            if (nameTaken(c, p.workspaceId(), p.ownerId(), p.name(), p.id())) {
                throw nameClash(p);
            }
            int changed;
            try {
                changed = Db.guardedUpdate(
                        c,
                        "UPDATE projects SET workspace_id = ?, name = ?, description = ?, metadata = ?, type = ?,"
                                + " status = ?, scope = ?, owner_id = ?, organization = ?, rapid = ?, studio = ?,"
                                + " pipeline = ?, consensus_attempts = ?, dataset_id = ?, pinned = ?,"
                                + " created_at = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?",
                        ps -> {
                            ps.setString(1, p.workspaceId().value());
                            int i = bindContent(ps, 2, p);
                            ps.setString(i++, p.ownerId().value());
                            ps.setString(i++, p.organization());
                            i = bindLabeling(ps, i, p.labeling());
                            Db.setInstant(ps, i++, p.createdAt());
                            Db.setInstant(ps, i++, p.updatedAt());
                            ps.setString(i++, p.id().value());
                            ps.setLong(i, p.version());
                        });
            } catch (SQLException e) {
                if (Failures.isUniqueViolation(e)) {
                    throw nameClash(p);
                }
                throw e;
            }
            if (changed == 0) {
                if (find(c, p.id(), false).isEmpty()) {
                    throw new NotFoundException("project " + p.id() + " not found");
                }
                throw new StaleVersionException("project " + p.id() + " was changed concurrently");
            }
            // name, description and the dates may have changed: the shared memberships' copies follow
            SharedMembershipCopies.refresh(c, p.id().value());
            return find(c, p.id(), false).orElseThrow();
        });
    }

    /**
     * One statement: the project row joined with the member's row (if any) and every params version
     * (one result row per version; the project's columns repeat).
     */
    @Override
    public Optional<Snapshot> snapshot(ProjectId id, UserId member) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", m.role AS member_role,"
                    + " pp.version AS params_version, pp.params AS params_json, pp.instruction AS params_instruction,"
                    + " pp.created_at AS params_created_at"
                    + " FROM projects p"
                    + " LEFT JOIN project_members m ON m.project_id = p.id AND m.user_id = ?"
                    + " LEFT JOIN project_params pp ON pp.project_id = p.id"
                    + " WHERE p.id = ? ORDER BY pp.version")) {
                ps.setString(1, member.value());
                ps.setString(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Project project = map(rs);
                    String role = rs.getString("member_role");
                    List<ParamVersion> history = new ArrayList<>();
                    do {
                        int version = rs.getInt("params_version");
                        if (!rs.wasNull()) {
                            history.add(new ParamVersion(
                                    version,
                                    Json.read(rs.getString("params_json")),
                                    rs.getString("params_instruction"),
                                    Db.getInstant(rs, "params_created_at")));
                        }
                    } while (rs.next());
                    return Optional.of(
                            new Snapshot(project, Optional.ofNullable(role).map(Role::valueOf), List.copyOf(history)));
                }
            }
        });
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        return db.read(c -> find(c, id, false));
    }

    @Override
    public Optional<Project> lock(ProjectId id) {
        return db.write(c -> find(c, id, true));
    }

    private static Optional<Project> find(Connection c, ProjectId id, boolean forUpdate) throws SQLException {
        return Db.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM projects p WHERE p.id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                ps -> ps.setString(1, id.value()),
                JdbcProjectRepository::map);
    }

    @Override
    public Optional<Project> findByName(WorkspaceId workspace, UserId owner, String name) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM projects p WHERE p.workspace_id = ? AND p.owner_id = ? AND p.name = ?",
                ps -> {
                    ps.setString(1, workspace.value());
                    ps.setString(2, owner.value());
                    ps.setString(3, name);
                },
                JdbcProjectRepository::map));
    }

    @Override
    public boolean nameTaken(WorkspaceId workspace, UserId owner, String name) {
        return db.read(c -> nameTaken(c, workspace, owner, name, null));
    }

    private static boolean nameTaken(Connection c, WorkspaceId workspace, UserId owner, String name, ProjectId except)
            throws SQLException {
        return Db.exists(
                c,
                "SELECT 1 FROM projects WHERE workspace_id = ? AND owner_id = ? AND name = ?"
                        + (except == null ? "" : " AND id <> ?"),
                ps -> {
                    ps.setString(1, workspace.value());
                    ps.setString(2, owner.value());
                    ps.setString(3, name);
                    if (except != null) {
                        ps.setString(4, except.value());
                    }
                });
    }

    /** The planner settings of a list's read transaction on PostgreSQL (see {@link #search}). */
    static final String PLAIN_LIST_SETTINGS = "SELECT set_config('enable_sort', 'off', true),"
            + " set_config('enable_bitmapscan', 'off', true), set_config('jit', 'off', true)";

    /** A text search is planned for its pattern, not with a generic plan of a prepared statement. */
    static final String CUSTOM_PLANS = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)";

    /** A search answered matches first reads the trigram indexes (bitmaps) and sorts the few matches. */
    static final String MATCHES_FIRST_SETTINGS =
            "SELECT set_config('enable_sort', 'on', true), set_config('enable_bitmapscan', 'on', true)";

    /**
     * Whether some branch's first {@link #PROBE_ROWS} rows hold too few matches for a walk of at
     * most {@link #MAX_WALK} rows to fill the count window.
     */
    private static boolean rareInSomeBranch(Connection c, ProjectSearchSql search, ProjectQuery q) throws SQLException {
        List<long[]> probed = Db.query(c, search.probeSql(), ps -> search.bindProbe(ps, PROBE_ROWS), rs ->
                new long[] {rs.getLong(1), rs.getLong(2)});
        long needed = q.countLimit() + 1;
        for (long[] branch : probed) {
            boolean whole = branch[0] < PROBE_ROWS;
            if (!whole && branch[1] * MAX_WALK < needed * PROBE_ROWS) {
                return true;
            }
        }
        return false;
    }

    /** How many rows of each branch a text search's probe reads (see {@link ProjectSearchSql#probeSql}). */
    static final int PROBE_ROWS = 1_000;

    /**
     * How many rows a branch may walk, testing each against the text, to fill the count window;
     * a word rarer than that in the probe is searched matches first.
     */
    static final int MAX_WALK = 20_000;

    @Override
    public Page<Project> search(ProjectQuery q) {
        // PostgreSQL's plans are steered by transaction-local settings, so its search is one read
        // transaction; H2 needs none and reads in auto-commit
        Db.Work<Page<Project>> work = c -> {
            ProjectSearchSql search = new ProjectSearchSql(q, db.dialect());
            if (search.matchesNothing()) {
                return new Page<Project>(List.of(), 0, q.limit(), q.offset());
            }
            if (db.dialect() == Dialect.POSTGRES) {
                // Without fresh statistics (autovacuum off, bulk loads) PostgreSQL under-estimates
                // a branch and reads every row after the position or offset from a bitmap scan,
                // then sorts them (36 ms at 50,000 rows), instead of walking the branch's sort index
                // and stopping at the page (0.2 ms); the count, likewise, read all 125,000 index
                // entries of an owner through a bitmap to count 1,000 of them (130 ms). Every
                // branch has an index in every sort's order (the shared one on the membership
                // copies), and the count takes its rows in that order too, so with sorts and bitmap
                // scans off both statements walk an index and stop. The penalty that steers the
                // planner away from sorts makes a plan's cost look huge, and JIT compilation would
                // follow (300 ms): off for this transaction too.
                Db.setLocally(c, PLAIN_LIST_SETTINGS);
            }
            if (q.search() != null && db.dialect() == Dialect.POSTGRES) {
                // A text search must be planned for its pattern: the driver turns statements run
                // often into server-side prepared ones, and PostgreSQL's generic plan for an unknown
                // LIKE pattern walked whole branches (290 ms instead of 6 ms at 1M projects). The
                // lists keep the generic plans, which are as good as custom ones and save planning.
                Db.setLocally(c, CUSTOM_PLANS);
                // A frequent word is found soon by walking each branch's sort index (the settings
                // above); a rare one would walk every row of the branch, and is found through the
                // trigram indexes first. The planner cannot tell them apart without statistics (it
                // intersected the trigram matches with all 125,000 index entries of the owner), so
                // the first PROBE_ROWS rows of each branch are tested and decide.
                if (rareInSomeBranch(c, search, q)) {
                    search = new ProjectSearchSql(q, db.dialect(), true);
                    Db.setLocally(c, MATCHES_FIRST_SETTINGS);
                }
            }
            ProjectSearchSql chosen = search;
            if (chosen.countsAfterPage()) {
                // A deep page walked each branch to the offset for the page and again, past it,
                // for the count (166,000 index entries 72,500 rows deep at 1M projects). The union
                // holds exactly offset + limit rows up to the page's last row, so the total is that
                // plus the rows after it, which a count from that row finds walking at most the
                // window in each branch. It reports what the count from the start reports: the
                // total is min(rows, countLimit), exact when the rows are no more than countLimit.
                List<Project> items = Db.query(c, chosen.pageSql(), chosen::bindPage, JdbcProjectRepository::map);
                if (!items.isEmpty()) {
                    long upToPage = q.offset() + items.size();
                    long counted = upToPage;
                    if (items.size() == q.limit()) {
                        long window = q.countLimit() - upToPage;
                        ProjectSearchSql rest = new ProjectSearchSql(
                                q.after(ProjectPosition.after(items.getLast(), q.sort(), q.ascending())), db.dialect());
                        long after = Db.count(
                                c, rest.countAfterPositionSql(), ps -> rest.bindCountAfterPosition(ps, window + 1));
                        counted += Math.min(after, window + 1);
                    }
                    boolean exact = counted <= q.countLimit();
                    return new Page<>(items, exact ? counted : q.countLimit(), q.limit(), q.offset(), exact);
                }
                // past the end: the count from the start says how far the list goes
            }
            long counted = Db.count(c, chosen.countSql(), chosen::bindCount);
            boolean exact = counted <= q.countLimit();
            long total = exact ? counted : q.countLimit();
            List<Project> items = total <= q.offset()
                    ? List.of()
                    : Db.query(c, chosen.pageSql(), chosen::bindPage, JdbcProjectRepository::map);
            if (q.after() != null) {
                // read one row past the page: whether it exists says if another page follows
                boolean more = items.size() > q.limit();
                return new Page<>(more ? items.subList(0, q.limit()) : items, total, q.limit(), 0, exact, more);
            }
            return new Page<>(items, total, q.limit(), q.offset(), exact);
        };
        return db.dialect() == Dialect.POSTGRES ? db.readInTransaction(work) : db.read(work);
    }

    @Override
    public List<Project> findByIds(Collection<ProjectId> ids) {
        List<String> sorted = Db.sortedDistinct(ids, ProjectId::value);
        if (sorted.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<Project> found = new ArrayList<>();
            for (List<String> chunk : Db.chunks(sorted)) {
                found.addAll(Db.query(
                        c,
                        "SELECT " + COLUMNS + " FROM projects p WHERE p.id IN (" + Db.placeholders(chunk.size())
                                + ") ORDER BY p.id",
                        ps -> Db.bindStrings(ps, 1, chunk),
                        JdbcProjectRepository::map));
            }
            return found;
        });
    }

    @Override
    public List<ProjectId> findOwnedIds(WorkspaceId workspace, UserId owner, Scope scope) {
        return db.read(c -> Db.query(
                c,
                "SELECT id FROM projects WHERE workspace_id = ? AND owner_id = ? AND scope = ? ORDER BY created_at, id",
                ps -> {
                    ps.setString(1, workspace.value());
                    ps.setString(2, owner.value());
                    ps.setString(3, scope.name());
                },
                rs -> new ProjectId(rs.getString(1))));
    }

    @Override
    public boolean delete(ProjectId id) {
        // children go with the ON DELETE CASCADE foreign keys
        return db.write(c -> Db.update(c, "DELETE FROM projects WHERE id = ?", ps -> ps.setString(1, id.value())) > 0);
    }

    static Project map(ResultSet rs) throws SQLException {
        LabelingOptions labeling = new LabelingOptions(
                Db.getBooleanOrNull(rs, "rapid"),
                Db.getBooleanOrNull(rs, "studio"),
                rs.getString("pipeline"),
                Db.getInteger(rs, "consensus_attempts"),
                rs.getString("dataset_id"),
                rs.getBoolean("pinned"));
        return new Project(
                new ProjectId(rs.getString("id")),
                new WorkspaceId(rs.getString("workspace_id")),
                rs.getString("name"),
                rs.getString("description"),
                Json.read(rs.getString("metadata")),
                rs.getString("type"),
                ProjectStatus.valueOf(rs.getString("status")),
                Scope.valueOf(rs.getString("scope")),
                new UserId(rs.getString("owner_id")),
                rs.getString("organization"),
                labeling,
                rs.getInt("dataset_count"),
                Db.getInstant(rs, "created_at"),
                Db.getInstant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
