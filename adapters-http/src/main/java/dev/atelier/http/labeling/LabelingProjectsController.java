package dev.atelier.http.labeling;

import dev.atelier.application.collaboration.CreateLabelingProject;
import dev.atelier.application.collaboration.GetLabelingProject;
import dev.atelier.application.collaboration.ListLabelingProjects;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.User;
import dev.atelier.http.labeling.LabelingBodies.NewProject;
import dev.atelier.http.labeling.LabelingBodies.ProjectView;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labeling-platform projects API under {@code /v1/projects}: projects are
 * addressed by name in the caller's default workspace; success is always 200 with the bare JSON;
 * errors are {@code {"error": "..."}} (the error processor of the dialect).
 */
@Tag(name = ApiDefinition.LABELING)
@Controller("/v1/projects")
final class LabelingProjectsController {
    /** The dialect's listing has no paging: a longer one is refused (413) rather than sent whole. */
    static final int MAX_LISTED_PROJECTS = 10_000;

    private final CreateLabelingProject create;
    private final GetLabelingProject get;
    private final ListLabelingProjects list;
    private final SetParams setParams;

    LabelingProjectsController(
            CreateLabelingProject create, GetLabelingProject get, ListLabelingProjects list, SetParams setParams) {
        this.create = create;
        this.get = get;
        this.list = list;
        this.setParams = setParams;
    }

    /** Creates a project in the caller's default workspace, params version 0. */
    // the body is bound to a map and read by NewProject.read (see there why)
    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = NewProject.class)))
    ProjectView create(@Caller User caller, @Nullable @Body Map<String, Object> body) {
        NewProject p = NewProject.read(body);
        LoadProject.Loaded created = create.execute(new CreateLabelingProject.Command(
                caller,
                p.type(),
                p.name(),
                p.params(),
                p.rapid(),
                p.studio(),
                p.pipeline(),
                p.consensusAttempts(),
                p.datasetId()));
        return ProjectView.of(created);
    }

    @Get
    List<ProjectView> list(@Caller User caller, @Nullable @QueryValue("archived") String archived) {
        Boolean filter = null;
        if (archived != null && !archived.isBlank()) {
            filter = switch (archived.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidInputException("archived must be true or false");
            };
        }
        return list.execute(new ListLabelingProjects.Command(caller, filter, MAX_LISTED_PROJECTS)).stream()
                .map(ProjectView::of)
                .toList();
    }

    @Get("/{name}")
    ProjectView get(@Caller User caller, @PathVariable("name") String name) {
        return ProjectView.of(get.execute(new GetLabelingProject.Command(caller, name)));
    }

    /**
     * Adds a version of the params. The body is the new params themselves (any keys), with {@code
     * patch} beside them: true merges them into the current params.
     */
    // the body stays a map: its keys are the client's
    @Post("/{name}/setParams")
    ProjectView setParams(
            @Caller User caller, @PathVariable("name") String name, @Nullable @Body Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        Project project = get.find(new GetLabelingProject.Command(caller, name));
        return ProjectView.of(setParams.execute(
                SetParams.Command.fromBody(caller, project.id().value(), b)));
    }
}
