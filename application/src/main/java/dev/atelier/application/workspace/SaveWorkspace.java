package dev.atelier.application.workspace;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.WorkspaceRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a workspace, or updates one the caller owns when the command names an existing id. A
 * caller-chosen id of a workspace the caller cannot see is "taken" (409), never overwritten.
 */
public final class SaveWorkspace {
    private final WorkspaceRepository workspaces;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;

    public SaveWorkspace(WorkspaceRepository workspaces, UnitOfWork uow, IdGenerator ids, Clock clock) {
        this.workspaces = workspaces;
        this.uow = uow;
        this.ids = ids;
        this.clock = clock;
    }

    public record Command(
            User caller, String id, String name, String description, Map<String, Object> metadata, Scope scope) {
        public Command {
            if (id != null) {
                WorkspaceId.of(id);
            }
        }
    }

    public Workspace execute(Command c) {
        return uow.inTransaction(() -> {
            var now = clock.instant();
            Optional<Workspace> existing =
                    Optional.ofNullable(c.id()).flatMap(id -> workspaces.findById(new WorkspaceId(id)));
            if (existing.isPresent()) {
                Workspace current = existing.get();
                if (!current.isVisibleTo(c.caller())) {
                    throw new ConflictException("workspace id " + c.id() + " is already in use");
                }
                if (!current.ownerId().equals(c.caller().id())) {
                    throw new ForbiddenException("only the owner may change workspace " + c.id());
                }
                Workspace updated = current.withDetails(
                        c.name() == null ? current.name() : c.name(),
                        c.description() == null ? current.description() : c.description(),
                        c.metadata() == null ? current.metadata() : c.metadata(),
                        c.scope() == null ? current.scope() : c.scope(),
                        now);
                if (!workspaces.update(updated)) {
                    throw new NotFoundException("workspace " + c.id() + " not found");
                }
                return updated;
            }
            Workspace created = new Workspace(
                    new WorkspaceId(c.id() == null ? ids.newId() : c.id()),
                    c.name(),
                    c.description(),
                    c.metadata(),
                    c.caller().id(),
                    c.caller().organization(),
                    c.scope() == null ? Scope.USER : c.scope(),
                    false,
                    now,
                    now);
            workspaces.insert(created);
            return created;
        });
    }
}
