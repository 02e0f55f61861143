package dev.atelier.application.workspace;

import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.WorkspaceRepository;

/** One workspace the caller can see, with the number of projects in it. */
public final class LoadWorkspace {
    private final WorkspaceRepository workspaces;
    private final Workspaces resolver;

    public LoadWorkspace(WorkspaceRepository workspaces, Workspaces resolver) {
        this.workspaces = workspaces;
        this.resolver = resolver;
    }

    public record Loaded(Workspace workspace, long projectCount) {}

    public Loaded execute(User caller, String reference) {
        Workspace workspace = resolver.resolve(caller, reference);
        return new Loaded(workspace, workspaces.countProjects(workspace.id()));
    }
}
