package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.WorkspaceRepository;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcWorkspaceRepository implements WorkspaceRepository {
    private static final String COLUMNS =
            "id, name, description, metadata, owner_id, organization, scope, is_default, created_at, updated_at";

    private final Db db;

    JdbcWorkspaceRepository(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Workspace w) {
        db.write(c -> {
            if (Db.exists(c, "SELECT 1 FROM workspaces WHERE id = ?", ps -> ps.setString(1, w.id().value()))) {
                throw new ConflictException("workspace id " + w.id() + " is already in use");
            }
            try {
                Db.guardedUpdate(
                        c, "INSERT INTO workspaces (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                            ps.setString(1, w.id().value());
                            ps.setString(2, w.name());
                            ps.setString(3, w.description());
                            ps.setString(4, Json.write(w.metadata()));
                            ps.setString(5, w.ownerId().value());
                            ps.setString(6, w.organization());
                            ps.setString(7, w.scope().name());
                            ps.setBoolean(8, w.defaultWorkspace());
                            Db.setInstant(ps, 9, w.createdAt());
                            Db.setInstant(ps, 10, w.updatedAt());
                        });
            } catch (SQLException e) {
                if (Failures.isUniqueViolation(e)) {
                    // the id was free a moment ago: the partial/generated unique index on the
                    // owner's default workspace is what fired (or an id race)
                    throw new ConflictException(
                            w.defaultWorkspace()
                                    ? "a default workspace already exists for this user"
                                    : "workspace id " + w.id() + " is already in use");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public boolean update(Workspace w) {
        return db.write(c -> Db.update(
                        c,
                        "UPDATE workspaces SET name = ?, description = ?, metadata = ?, scope = ?, updated_at = ?"
                                + " WHERE id = ?",
                        ps -> {
                            ps.setString(1, w.name());
                            ps.setString(2, w.description());
                            ps.setString(3, Json.write(w.metadata()));
                            ps.setString(4, w.scope().name());
                            Db.setInstant(ps, 5, w.updatedAt());
                            ps.setString(6, w.id().value());
                        })
                > 0);
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM workspaces WHERE id = ?",
                ps -> ps.setString(1, id.value()),
                JdbcWorkspaceRepository::map));
    }

    @Override
    public Optional<Workspace> findDefault(UserId owner) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM workspaces WHERE owner_id = ? AND is_default = TRUE",
                ps -> ps.setString(1, owner.value()),
                JdbcWorkspaceRepository::map));
    }

    @Override
    public List<Workspace> listVisibleTo(User user, Scope scope) {
        if (scope == Scope.USER) {
            return db.read(c -> Db.query(
                    c,
                    "SELECT " + COLUMNS + " FROM workspaces WHERE owner_id = ? ORDER BY created_at, id",
                    ps -> ps.setString(1, user.id().value()),
                    JdbcWorkspaceRepository::map));
        }
        if (user.organization() == null || user.organization().isBlank()) {
            return List.of();
        }
        return db.read(c -> Db.query(
                c,
                "SELECT " + COLUMNS + " FROM workspaces WHERE organization = ? AND scope = ? ORDER BY created_at, id",
                ps -> {
                    ps.setString(1, user.organization());
                    ps.setString(2, Scope.ORGANIZATION.name());
                },
                JdbcWorkspaceRepository::map));
    }

    @Override
    public long countProjects(WorkspaceId id) {
        return db.read(c ->
                Db.count(c, "SELECT COUNT(*) FROM projects WHERE workspace_id = ?", ps -> ps.setString(1, id.value())));
    }

    private static Workspace map(ResultSet rs) throws SQLException {
        return new Workspace(
                new WorkspaceId(rs.getString("id")),
                rs.getString("name"),
                rs.getString("description"),
                Json.read(rs.getString("metadata")),
                new UserId(rs.getString("owner_id")),
                rs.getString("organization"),
                Scope.valueOf(rs.getString("scope")),
                rs.getBoolean("is_default"),
                Db.getInstant(rs, "created_at"),
                Db.getInstant(rs, "updated_at"));
    }
}
