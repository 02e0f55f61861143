package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.ProjectRepository;
import java.util.Objects;

/** The projects a caller may see, filtered, searched, sorted and paged. */
public final class ListProjects {
    private final ProjectRepository projects;
    private final Workspaces workspaces;

    public ListProjects(ProjectRepository projects, Workspaces workspaces) {
        this.projects = projects;
        this.workspaces = workspaces;
    }

    /**
     * What to list: {@code query} says which projects, how sorted and which page; the command adds
     * the one part the caller names in its own words, the workspace, which the use case resolves
     * (an alias or null: the caller's default workspace). {@code query} leaves its workspace unset.
     *
     * @param allWorkspaces lists the caller's projects in every workspace; {@code workspace} is then
     *     not read
     */
    public record Command(ProjectQuery query, String workspace, boolean allWorkspaces) {
        public Command {
            Objects.requireNonNull(query, "query");
            if (query.workspace() != null) {
                throw new IllegalArgumentException("the command resolves the workspace; the query must leave it unset");
            }
        }

        /** The caller's projects of {@code query} in one workspace (an alias or null: the default one). */
        public static Command inWorkspace(ProjectQuery query, String workspace) {
            return new Command(query, workspace, false);
        }

        /** The caller's projects of {@code query} in every workspace of theirs. */
        public static Command everyWorkspace(ProjectQuery query) {
            return new Command(query, null, true);
        }
    }

    public Page<Project> execute(Command c) {
        ProjectQuery query = c.query();
        WorkspaceId narrowed = c.allWorkspaces()
                ? null
                : workspaces.resolve(query.caller(), c.workspace()).id();
        return projects.search(query.inWorkspace(narrowed));
    }
}
