package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * One project the caller may read, with its params history and the caller's role, read in one
 * transaction (a consistent snapshot, and one round of database work per request).
 */
public final class LoadProject {
    private final ProjectAccess access;
    private final ParamHistoryRepository params;
    private final Workspaces workspaces;
    private final UnitOfWork uow;

    public LoadProject(ProjectAccess access, ParamHistoryRepository params, Workspaces workspaces, UnitOfWork uow) {
        this.access = access;
        this.params = params;
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
        return uow.inTransaction(() -> load(caller, workspace, projectId));
    }

    private Loaded load(User caller, String workspace, String projectId) {
        Optional<Workspace> explicit = workspaces.meansDefault(workspace)
                ? Optional.empty()
                : Optional.of(workspaces.resolve(caller, workspace));
        ProjectAccess.Granted granted = access.require(caller, projectId, Role.VIEWER, explicit);
        return new Loaded(
                granted.project(),
                granted.role(),
                params.history(granted.project().id()));
    }

    public Loaded execute(User caller, String projectId) {
        return execute(caller, null, projectId);
    }
}
