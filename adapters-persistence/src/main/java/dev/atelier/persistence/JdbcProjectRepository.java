package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.ProjectRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
            return find(c, p.id(), false).orElseThrow();
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

    @Override
    public Page<Project> search(ProjectQuery q) {
        ProjectSearch search = new ProjectSearch(q, db.dialect());
        return db.read(c -> {
            if (search.matchesNothing()) {
                return new Page<Project>(List.of(), 0, q.limit(), q.offset());
            }
            long total = Db.count(c, search.countSql(), search::bind);
            List<Project> items = total <= q.offset()
                    ? List.of()
                    : Db.query(c, search.pageSql(), search::bindPage, JdbcProjectRepository::map);
            return new Page<>(items, total, q.limit(), q.offset());
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

    /**
     * The SQL of one project search, built from fixed fragments only: the sort column comes from a
     * switch over {@link dev.atelier.domain.model.ProjectSort}, every value the caller typed is a
     * bound parameter, and {@code %}/{@code _} in the search text are escaped.
     */
    static final class ProjectSearch {
        private final ProjectQuery q;
        private final Dialect dialect;
        private final String where;
        private final List<Object> params = new ArrayList<>();

        ProjectSearch(ProjectQuery q, Dialect dialect) {
            this.q = q;
            this.dialect = dialect;
            this.where = buildWhere();
        }

        private String buildWhere() {
            // The visible set as a UNION of index-friendly id lookups (own projects by owner,
            // organization projects by organization, shared ones through the caller's
            // memberships) rather than one OR over all projects, which would force a full scan.
            List<String> visible = new ArrayList<>();
            String caller = q.caller().id().value();
            if (q.visibilities().contains(Visibility.USER)) {
                if (q.workspace() == null) {
                    visible.add("SELECT o.id FROM projects o WHERE o.owner_id = ?");
                    params.add(caller);
                } else {
                    visible.add("SELECT o.id FROM projects o WHERE o.owner_id = ? AND o.workspace_id = ?");
                    params.add(caller);
                    params.add(q.workspace().value());
                }
            }
            String org = q.caller().organization();
            if (q.visibilities().contains(Visibility.ORGANIZATION) && org != null && !org.isBlank()) {
                visible.add("SELECT g.id FROM projects g WHERE g.organization = ? AND g.scope = ?");
                params.add(org);
                params.add(Scope.ORGANIZATION.name());
            }
            if (q.visibilities().contains(Visibility.SHARED)) {
                visible.add("SELECT m.project_id FROM project_members m JOIN projects s ON s.id = m.project_id"
                        + " WHERE m.user_id = ? AND s.owner_id <> ?");
                params.add(caller);
                params.add(caller);
            }
            if (visible.isEmpty()) {
                return null;
            }
            StringBuilder sql = new StringBuilder(" WHERE p.id IN (")
                    .append(String.join(" UNION ", visible))
                    .append(')');
            if (q.archived() != null) {
                sql.append(q.archived() ? " AND p.status = ?" : " AND p.status <> ?");
                params.add(ProjectStatus.ARCHIVED.name());
            }
            if (q.search() != null) {
                sql.append(" AND (lower(p.name) LIKE lower(?) ESCAPE '!'"
                        + " OR lower(p.description) LIKE lower(?) ESCAPE '!')");
                String pattern = "%" + escapeLike(q.search()) + "%";
                params.add(pattern);
                params.add(pattern);
            }
            return sql.toString();
        }

        static String escapeLike(String text) {
            return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }

        boolean matchesNothing() {
            return where == null;
        }

        String countSql() {
            return "SELECT COUNT(*) FROM projects p" + where;
        }

        String pageSql() {
            String direction = q.ascending() ? " ASC" : " DESC";
            String order = switch (q.sort()) {
                case CREATED_AT -> "p.created_at" + direction + ", ";
                case UPDATED_AT -> "p.updated_at" + direction + ", ";
                case NAME -> dialect.nameOrder() + direction + ", ";
                case DATASET_COUNT -> "p.dataset_count" + direction + ", ";
                // no models or experiments are tracked yet: every project counts 0
                case MODEL_COUNT, EXPERIMENT_COUNT -> "";
            };
            return "SELECT " + COLUMNS + " FROM projects p" + where + " ORDER BY " + order + "p.id" + direction
                    + " LIMIT ? OFFSET ?";
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, (String) params.get(i));
            }
        }

        void bindPage(PreparedStatement ps) throws SQLException {
            bind(ps);
            ps.setInt(params.size() + 1, q.limit());
            ps.setLong(params.size() + 2, q.offset());
        }
    }
}
