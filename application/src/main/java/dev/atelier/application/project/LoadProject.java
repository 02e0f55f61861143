package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * One project the caller may read, with its params history and the caller's role: one read of the
 * store ({@link ProjectRepository#snapshot}), plus the workspace when the request names one. Reads
 * only, so no transaction ({@link UnitOfWork#reading}).
 */
public final class LoadProject {
    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final Workspaces workspaces;
    private final UnitOfWork uow;

    public LoadProject(ProjectAccess access, ProjectRepository projects, Workspaces workspaces, UnitOfWork uow) {
        this.access = access;
        this.projects = projects;
        this.workspaces = workspaces;
        this.uow = uow;
    }

    public record Loaded(Project project, Role role, List<ParamVersion> paramHistory) {
        /** The current params: the last entry of the history. */
        public ParamVersion current() {
            return paramHistory.isEmpty() ? null : paramHistory.get(paramHistory.size() - 1);
        }
    }

    /** @param workspace the workspace the request named; an alias means "wherever it is". */
    public Loaded execute(User caller, String workspace, String projectId) {
        return uow.reading(() -> load(caller, workspace, projectId));
    }

    private Loaded load(User caller, String workspace, String projectId) {
        Optional<Workspace> explicit = workspaces.meansDefault(workspace)
                ? Optional.empty()
                : Optional.of(workspaces.resolve(caller, workspace));
        Optional<ProjectRepository.Snapshot> found =
                Ids.isValid(projectId) ? projects.snapshot(new ProjectId(projectId), caller.id()) : Optional.empty();
        ProjectAccess.Granted granted = access.decide(caller, projectId, Role.VIEWER, found, explicit);
        return new Loaded(granted.project(), granted.role(), found.orElseThrow().history());
    }

    public Loaded execute(User caller, String projectId) {
        return execute(caller, null, projectId);
    }
}
