package dev.atelier.http.resource;

import static dev.atelier.http.resource.ResourceInput.ascending;
import static dev.atelier.http.resource.ResourceInput.etag;
import static dev.atelier.http.resource.ResourceInput.expectedVersion;
import static dev.atelier.http.resource.ResourceInput.jsonObject;
import static dev.atelier.http.resource.ResourceInput.number;
import static dev.atelier.http.resource.ResourceInput.object;
import static dev.atelier.http.resource.ResourceInput.requiredName;
import static dev.atelier.http.resource.ResourceInput.sortField;
import static dev.atelier.http.resource.ResourceInput.string;

import dev.atelier.application.collaboration.DeleteProject;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.collaboration.UpdateProject;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.SaveProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.resource.ResourceBodies.CreatedProject;
import dev.atelier.http.resource.ResourceBodies.NewProject;
import dev.atelier.http.resource.ResourceBodies.Ok;
import dev.atelier.http.resource.ResourceBodies.ProjectAnswer;
import dev.atelier.http.resource.ResourceBodies.ProjectChange;
import dev.atelier.http.resource.ResourceBodies.ProjectView;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resource-style projects API under {@code /api/projects}: plain JSON,
 * errors as RFC 9457 problem details (the error processor of the dialect). Every query parameter
 * is parsed and checked here against a fixed list before it reaches a use case
 * ({@link ResourceInput}). This controller serves the list and the project itself; its
 * sub-resources have their own controllers on the same paths: {@link
 * ResourceProjectDetailsController} (params, documents, timeline, archived status), {@link
 * ResourceProjectMembersController}, {@link ResourceProjectDatasetsController} and {@link
 * ResourceProjectArchivesController} (ZIP export and import).
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectsController {
    static final int DEFAULT_LIMIT = 50;

    private final ListProjects listProjects;
    private final SaveProject saveProject;
    private final LoadProject loadProject;
    private final UpdateProject updateProject;
    private final DeleteProject deleteProject;

    ResourceProjectsController(
            ListProjects listProjects,
            SaveProject saveProject,
            LoadProject loadProject,
            UpdateProject updateProject,
            DeleteProject deleteProject) {
        this.listProjects = listProjects;
        this.saveProject = saveProject;
        this.loadProject = loadProject;
        this.updateProject = updateProject;
        this.deleteProject = deleteProject;
    }

    // ---- projects ---------------------------------------------------------------------------

    @Operation(
            summary = "The caller's own projects and those shared with the caller, sorted and paged",
            description = "Answers {items, total, limit, offset, next_cursor}. Page either by offset or by cursor: "
                    + "next_cursor (null on the last page) continues the list after this page's last item in the "
                    + "same sort_field and sort_direction, with ties broken by id, and costs the same at any "
                    + "depth. A cursor is opaque; a changed or foreign one, a cursor of another sort order, or a "
                    + "cursor together with offset is 400.")
    @Get
    Map<String, Object> list(
            @Caller User caller,
            @Nullable @QueryValue("limit") String limit,
            @Parameter(description = "items to skip (not with cursor)") @Nullable @QueryValue("offset") String offset,
            @Nullable @QueryValue("search") String search,
            @Nullable @QueryValue("sort_field") String sortField,
            @Nullable @QueryValue("sort_direction") String sortDirection,
            @Parameter(description = "next_cursor of the previous page, unchanged (not with offset)")
                    @Nullable
                    @QueryValue("cursor")
                    String cursor) {
        int l = (int) number("limit", limit, DEFAULT_LIMIT, 1, ProjectQuery.MAX_LIMIT);
        long o = number("offset", offset, 0, 0, 100_000_000L);
        ProjectSort sort = sortField(sortField);
        boolean ascending = ascending(sortDirection);
        boolean byCursor = cursor != null && !cursor.isBlank();
        if (byCursor && offset != null && !offset.isBlank()) {
            throw new InvalidInputException(
                    "give either cursor or offset, not both: a cursor already says where the page starts");
        }
        ProjectPosition after = byCursor ? ProjectCursor.decode(cursor, sort, ascending) : null;
        ProjectQuery query = ProjectQuery.builder(caller)
                .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                .search(search)
                .sort(sort, ascending)
                .page(l, o)
                .after(after)
                .build();
        Page<Project> page = listProjects.execute(ListProjects.Command.everyWorkspace(query));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                page.items().stream().map(ResourceProjectsController::view).toList());
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        // offered on every page that has a successor, whichever way this page was asked for
        body.put(
                "next_cursor",
                page.more() && !page.items().isEmpty()
                        ? ProjectCursor.encode(
                                ProjectPosition.after(page.items().getLast(), sort, ascending))
                        : null);
        return body;
    }

    @Post
    HttpResponse<CreatedProject> create(@Caller User caller, @Nullable @Body NewProject body) {
        NewProject b = object(body, "name");
        Map<String, Object> params = jsonObject("params", b.params());
        // the same rules as every other way to set params (reserved keys, an optional instruction)
        SetParams.Split split = params == null ? null : SetParams.split(params, null);
        SaveProject.Saved saved = saveProject.execute(new SaveProject.Command(
                caller,
                null,
                null,
                requiredName(b.name()),
                string("description", b.description()),
                jsonObject("metadata", b.metadata()),
                null,
                string("type", b.type()),
                split == null ? null : split.params(),
                split == null ? null : split.instruction(),
                null,
                Optional.empty()));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(CreatedProject.of(saved.project()))
                .header(HttpHeaders.ETAG, etag(saved.project()));
    }

    @Get("/{id}")
    HttpResponse<ProjectAnswer> get(@Caller User caller, @PathVariable("id") String id) {
        Project project = loadProject.execute(caller, id).project();
        return HttpResponse.ok(ProjectAnswer.of(project)).header(HttpHeaders.ETAG, etag(project));
    }

    @Put("/{id}")
    HttpResponse<ProjectAnswer> update(
            @Caller User caller,
            @PathVariable("id") String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Nullable @Body ProjectChange body) {
        ProjectChange b = object(body, "name");
        Project updated = updateProject.execute(new UpdateProject.Command(
                caller, id, requiredName(b.name()), string("description", b.description()), expectedVersion(ifMatch)));
        return HttpResponse.ok(ProjectAnswer.of(updated)).header(HttpHeaders.ETAG, etag(updated));
    }

    @Delete("/{id}")
    Ok delete(@Caller User caller, @PathVariable("id") String id) {
        deleteProject.execute(new DeleteProject.Command(caller, id));
        return Ok.YES;
    }

    // ---- views ------------------------------------------------------------------------------

    static ProjectView view(Project p) {
        return ProjectView.of(p);
    }
}
