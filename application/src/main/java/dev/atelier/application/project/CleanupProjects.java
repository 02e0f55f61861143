package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;

/**
 * Deletes projects. With an id: that project, which only its owner may delete. Without: every
 * project the caller owns in the workspace with the given scope. Idempotent: deleting what is
 * already gone (or was never visible) deletes nothing and is not an error.
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

    /** @return how many projects were deleted */
    public int execute(Command c) {
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());
        if (c.projectId() != null) {
            return uow.inTransaction(() -> deleteOne(c.caller(), c.projectId()));
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

    /** Deletes one project on which the caller holds the owner role; used by every dialect's delete. */
    public int deleteOne(User caller, String projectId) {
        if (!Ids.isValid(projectId)) {
            return 0;
        }
        ProjectAccess.Granted granted;
        try {
            granted = access.requireLocked(caller, projectId, Role.VIEWER);
        } catch (NotFoundException gone) {
            return 0;
        }
        if (!granted.role().canDelete()) {
            throw new ForbiddenException("deleting project " + projectId + " needs the owner role; you have "
                    + granted.role().wire());
        }
        Project project = granted.project();
        return projects.delete(project.id()) ? 1 : 0;
    }
}
