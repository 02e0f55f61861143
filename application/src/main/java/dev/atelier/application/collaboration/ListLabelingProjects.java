package dev.atelier.application.collaboration;

import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.TooManyResultsException;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.port.ParamHistoryRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Every project of the caller's default workspace that the caller owns, oldest first, optionally
 * only the archived or only the active ones, each with its params history. The labeling API has
 * no paging, so this reads page after page, up to the caller's limit (a dialect's answer size is the
 * HTTP adapter's business): beyond it, {@link TooManyResultsException}.
 */
public final class ListLabelingProjects {

    private final ListProjects list;
    private final ParamHistoryRepository params;

    public ListLabelingProjects(ListProjects list, ParamHistoryRepository params) {
        this.list = list;
        this.params = params;
    }

    /**
     * @param archived null lists both
     * @param maxProjects the most projects one answer may hold
     */
    public record Command(User caller, Boolean archived, int maxProjects) {
        public Command {
            if (maxProjects < 1) {
                throw new IllegalArgumentException("maxProjects must be positive: " + maxProjects);
            }
        }
    }

    public List<LoadProject.Loaded> execute(Command c) {
        List<LoadProject.Loaded> result = new ArrayList<>();
        long offset = 0;
        while (true) {
            ProjectQuery query = ProjectQuery.builder(c.caller())
                    .visibilities(EnumSet.of(Visibility.USER))
                    .archived(c.archived())
                    .sort(ProjectSort.CREATED_AT, true)
                    .page(ProjectQuery.MAX_LIMIT, offset)
                    .build();
            Page<Project> page = list.execute(ListProjects.Command.inWorkspace(query, null));
            if (page.total() > c.maxProjects()) {
                throw new TooManyResultsException("more than " + c.maxProjects() + " projects to list");
            }
            // one batch read of the params of the whole page, not one per project
            Map<ProjectId, List<ParamVersion>> histories = params.findByProjectIds(
                    page.items().stream().map(Project::id).toList());
            for (Project project : page.items()) {
                result.add(
                        new LoadProject.Loaded(project, Role.OWNER, histories.getOrDefault(project.id(), List.of())));
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return result;
            }
        }
    }
}
