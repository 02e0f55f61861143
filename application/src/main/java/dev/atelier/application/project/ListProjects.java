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
     * Built by name ({@link #builder}); the canonical constructor is the only one.
     *
     * @param workspace narrows the caller's own projects to one workspace (null or an alias: the
     *     default workspace)
     * @param allWorkspaces lists the caller's projects in every workspace; {@code workspace} is then
     *     not read
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

        /**
         * A listing for {@code caller}: what is not set is empty or false (the default workspace,
         * the query's default visibilities and sort, ascending, offset 0, no position); the page
         * size has no default ({@link Builder#page}).
         */
        public static Builder builder(User caller) {
            return new Builder(caller);
        }

        /** Names the parts of a {@link Command}. */
        public static final class Builder {
            private final User caller;
            private String workspace;
            private boolean allWorkspaces;
            private Set<Visibility> visibilities;
            private String search;
            private Boolean archived;
            private ProjectSort sort;
            private boolean ascending = true;
            private int limit;
            private long offset;
            private ProjectPosition after;

            private Builder(User caller) {
                this.caller = caller;
            }

            /** The caller's projects in this workspace (an alias means the default one). */
            public Builder workspace(String workspace) {
                this.workspace = workspace;
                return this;
            }

            /** The caller's projects in every workspace instead of one. */
            public Builder allWorkspaces() {
                this.allWorkspaces = true;
                return this;
            }

            public Builder visibilities(Set<Visibility> visibilities) {
                this.visibilities = visibilities;
                return this;
            }

            public Builder search(String search) {
                this.search = search;
                return this;
            }

            /** Only archived projects (true), only active ones (false), or both (null). */
            public Builder archived(Boolean archived) {
                this.archived = archived;
                return this;
            }

            public Builder sort(ProjectSort sort, boolean ascending) {
                this.sort = sort;
                this.ascending = ascending;
                return this;
            }

            public Builder page(int limit, long offset) {
                this.limit = limit;
                this.offset = offset;
                return this;
            }

            /** Continue after {@code position} (null: by offset). */
            public Builder after(ProjectPosition position) {
                this.after = position;
                return this;
            }

            public Command build() {
                return new Command(
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
                        after);
            }
        }
    }

    public Page<Project> execute(Command c) {
        WorkspaceId narrowed = c.allWorkspaces()
                ? null
                : workspaces.resolve(c.caller(), c.workspace()).id();
        ProjectQuery query = ProjectQuery.builder(c.caller())
                .visibilities(c.visibilities())
                .workspace(narrowed)
                .search(c.search())
                .archived(c.archived())
                .sort(c.sort(), c.ascending())
                .page(c.limit(), c.offset())
                .build();
        return projects.search(c.after() == null ? query : query.after(c.after()));
    }
}
