package dev.atelier.application.workspace;

import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.WorkspaceRepository;
import java.util.List;

/** The workspaces a caller sees in a scope; the caller's default workspace always exists. */
public final class ListWorkspaces {
    private final WorkspaceRepository workspaces;
    private final Workspaces resolver;

    public ListWorkspaces(WorkspaceRepository workspaces, Workspaces resolver) {
        this.workspaces = workspaces;
        this.resolver = resolver;
    }

    public List<Workspace> execute(User caller, Scope scope) {
        resolver.defaultOf(caller);
        return workspaces.listVisibleTo(caller, scope);
    }
}
