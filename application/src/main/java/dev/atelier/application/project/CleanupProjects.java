package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * Deletes projects. With an id: that one project, which only its owner may delete; an id that does
 * not exist, that the caller cannot see, or (when the request names a workspace) that lives in
 * another workspace is "not found", exactly as reading it would be, so a mistyped id or a second
 * delete never passes for a delete that happened. Without an id: a sweep of every project the caller
 * owns in the workspace with the given scope, which may find nothing (0 deleted) and still succeed.
 */
public final class CleanupProjects {
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final Workspaces workspaces;
    private final UnitOfWork uow;

    public CleanupProjects(ProjectRepository projects, ProjectAccess access, Workspaces workspaces, UnitOfWork uow) {
        this.projects = projects;
        this.access = access;
        this.workspaces = workspaces;
        this.uow = uow;
    }

    public record Command(User caller, String workspace, String projectId, Scope scope) {
        public Command {
            if (projectId != null && projectId.isBlank()) {
                projectId = null;
            }
            scope = scope == null ? Scope.USER : scope;
        }
    }

    /** @return how many projects were deleted (1 when an id was given) */
    public int execute(Command c) {
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());
        if (c.projectId() != null) {
            Optional<Workspace> named =
                    workspaces.meansDefault(c.workspace()) ? Optional.empty() : Optional.of(workspace);
            uow.run(() -> deleteOne(c.caller(), c.projectId(), named));
            return 1;
        }
        return uow.inTransaction(() -> {
            List<ProjectId> owned =
                    projects.findOwnedIds(workspace.id(), c.caller().id(), c.scope());
            int deleted = 0;
            for (ProjectId id : owned) {
                if (projects.delete(id)) {
                    deleted++;
                }
            }
            return deleted;
        });
    }

    /**
     * Deletes one project on which the caller holds the owner role; used by every dialect's delete.
     * Not found when the project does not exist or the caller has no role on it; forbidden below owner.
     */
    public void deleteOne(User caller, String projectId) {
        deleteOne(caller, projectId, Optional.empty());
    }

    private void deleteOne(User caller, String projectId, Optional<Workspace> named) {
        ProjectAccess.Granted granted = access.requireLocked(caller, projectId, Role.VIEWER, named);
        if (!granted.role().canDelete()) {
            throw new ForbiddenException("deleting project " + projectId + " needs the owner role; you have "
                    + granted.role().wire());
        }
        Project project = granted.project();
        if (!projects.delete(project.id())) {
            throw new NotFoundException("project " + project.id().value() + " not found");
        }
    }
}
