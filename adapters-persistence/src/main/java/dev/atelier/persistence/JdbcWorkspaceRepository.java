package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.WorkspaceRepository;
import dev.atelier.persistence.WorkspaceRows.WorkspaceRow;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcWorkspaceRepository implements WorkspaceRepository {
    private final Db db;
    private final WorkspaceRows rows;

    JdbcWorkspaceRepository(Db db, WorkspaceRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void insert(Workspace w) {
        db.write(c -> {
            if (rows.existsById(w.id().value())) {
                throw new ConflictException("workspace id " + w.id() + " is already in use");
            }
            try {
                Db.guarded(c, () -> {
                    rows.insert(toRow(w));
                    return null;
                });
            } catch (RuntimeException e) {
                if (Db.isUniqueViolation(e)) {
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
        return db.write(c -> rows.update(
                        w.id().value(),
                        w.name(),
                        w.description(),
                        Json.write(w.metadata()),
                        w.scope().name(),
                        Db.micros(w.updatedAt()))
                > 0);
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return db.read(c -> rows.findById(id.value()).map(JdbcWorkspaceRepository::toWorkspace));
    }

    @Override
    public Optional<Workspace> findDefault(UserId owner) {
        return db.read(c ->
                rows.findByOwnerIdAndDefaultWorkspaceTrue(owner.value()).map(JdbcWorkspaceRepository::toWorkspace));
    }

    @Override
    public List<Workspace> listVisibleTo(User user, Scope scope) {
        if (scope == Scope.USER) {
            return db.read(c -> toWorkspaces(rows.findByOwnerId(user.id().value(), WorkspaceRows.OLDEST_FIRST)));
        }
        if (user.organization() == null || user.organization().isBlank()) {
            return List.of();
        }
        return db.read(c -> toWorkspaces(rows.findByOrganizationAndScope(
                user.organization(), Scope.ORGANIZATION.name(), WorkspaceRows.OLDEST_FIRST)));
    }

    @Override
    public long countProjects(WorkspaceId id) {
        return db.read(c -> rows.countProjects(id.value()));
    }

    private static WorkspaceRow toRow(Workspace w) {
        return new WorkspaceRow(
                w.id().value(),
                w.name(),
                w.description(),
                Json.write(w.metadata()),
                w.ownerId().value(),
                w.organization(),
                w.scope().name(),
                w.defaultWorkspace(),
                Db.micros(w.createdAt()),
                Db.micros(w.updatedAt()));
    }

    private static List<Workspace> toWorkspaces(List<WorkspaceRow> found) {
        return found.stream().map(JdbcWorkspaceRepository::toWorkspace).toList();
    }

    private static Workspace toWorkspace(WorkspaceRow r) {
        return new Workspace(
                new WorkspaceId(r.id()),
                r.name(),
                r.description(),
                Json.read(r.metadata()),
                new UserId(r.ownerId()),
                r.organization(),
                Scope.valueOf(r.scope()),
                r.defaultWorkspace(),
                r.createdAt(),
                r.updatedAt());
    }
}
