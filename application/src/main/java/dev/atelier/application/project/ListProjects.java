package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.ProjectRepository;
import java.util.Set;

/** The projects a caller may see, filtered, searched, sorted and paged. */
public final class ListProjects {
    private final ProjectRepository projects;
    private final Workspaces workspaces;

    public ListProjects(ProjectRepository projects, Workspaces workspaces) {
        this.projects = projects;
        this.workspaces = workspaces;
    }

    /**
     * @param workspace narrows the caller's own projects to one workspace (an alias means the
     *     default workspace); null lists the caller's projects in every workspace
     * @param after continue after this position instead of {@code offset} (null: by offset)
     */
    public record Command(
            User caller,
            String workspace,
            boolean allWorkspaces,
            Set<Visibility> visibilities,
            String search,
            Boolean archived,
            ProjectSort sort,
            boolean ascending,
            int limit,
            long offset,
            ProjectPosition after) {

        /** A command paged by offset. */
        public Command(
                User caller,
                String workspace,
                boolean allWorkspaces,
                Set<Visibility> visibilities,
                String search,
                Boolean archived,
                ProjectSort sort,
                boolean ascending,
                int limit,
                long offset) {
            this(
                    caller,
                    workspace,
                    allWorkspaces,
                    visibilities,
                    search,
                    archived,
                    sort,
                    ascending,
                    limit,
                    offset,
                    null);
        }
    }

    public Page<Project> execute(Command c) {
        WorkspaceId narrowed = c.allWorkspaces()
                ? null
                : workspaces.resolve(c.caller(), c.workspace()).id();
        ProjectQuery query = new ProjectQuery(
                c.caller(),
                c.visibilities(),
                narrowed,
                c.search(),
                c.archived(),
                c.sort(),
                c.ascending(),
                c.limit(),
                c.offset());
        return projects.search(c.after() == null ? query : query.after(c.after()));
    }
}
