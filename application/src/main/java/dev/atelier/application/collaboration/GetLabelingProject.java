package dev.atelier.application.collaboration;

import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;

/**
 * Finds a project by name, as the labeling-platform API addresses projects: the caller's own
 * project of exactly that name (case-sensitive) in the caller's default workspace.
 */
public final class GetLabelingProject {
    private final ProjectRepository projects;
    private final ParamHistoryRepository params;
    private final ProjectAccess access;
    private final Workspaces workspaces;

    public GetLabelingProject(
            ProjectRepository projects, ParamHistoryRepository params, ProjectAccess access, Workspaces workspaces) {
        this.projects = projects;
        this.params = params;
        this.access = access;
        this.workspaces = workspaces;
    }

    public record Command(User caller, String name) {
        public Command {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("project name is required");
            }
        }
    }

    /** The project itself, for operations that go on by id (setParams). */
    public Project find(Command c) {
        var workspace = workspaces.defaultOf(c.caller());
        Project project = projects.findByName(
                        workspace.id(), c.caller().id(), c.name().strip())
                .orElseThrow(() -> new NotFoundException("project '" + Text.clip(c.name(), 200) + "' not found"));
        return access.require(c.caller(), project.id().value(), Role.VIEWER).project();
    }

    public LoadProject.Loaded execute(Command c) {
        Project project = find(c);
        return new LoadProject.Loaded(project, Role.OWNER, params.history(project.id()));
    }
}
