package dev.atelier.http.v1;

import dev.atelier.application.exchange.CopyProject;
import dev.atelier.application.project.CleanupProjects;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.SaveProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.V1Bodies.CopiedProject;
import dev.atelier.http.v1.V1Bodies.CopyBody;
import dev.atelier.http.v1.V1Bodies.Deleted;
import dev.atelier.http.v1.V1Bodies.ListBody;
import dev.atelier.http.v1.V1Bodies.LoadedProject;
import dev.atelier.http.v1.V1Bodies.ProjectFields;
import dev.atelier.http.v1.V1Bodies.ProjectRefBody;
import dev.atelier.http.v1.V1Bodies.ProjectView;
import dev.atelier.http.v1.V1Bodies.SaveBody;
import dev.atelier.http.v1.V1Bodies.SavedProject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Projects API v1: save, list, load, copy and cleanup. Every endpoint exists with the workspace in
 * the path ({@code /api/v1/projects/{workspace_id}/save}) and without it
 * ({@code /api/v1/projects/save}); {@code workspace_id}, {@code default} and no workspace at all
 * mean the caller's default workspace. List and load answer GET with query parameters (the REST
 * reference and the current Python SDK) and POST with a JSON body (the Python SDK generation that
 * takes the workspace id: {@code {"scopes": [...]}} and {@code {"project": {"id", "scope"}}}).
 */
@Tag(name = ApiDefinition.V1)
@Controller("/api/v1/projects")
final class ProjectsController {
    private final SaveProject saveProject;
    private final ListProjects listProjects;
    private final LoadProject loadProject;
    private final CopyProject copyProject;
    private final CleanupProjects cleanupProjects;

    ProjectsController(
            SaveProject saveProject,
            ListProjects listProjects,
            LoadProject loadProject,
            CopyProject copyProject,
            CleanupProjects cleanupProjects) {
        this.saveProject = saveProject;
        this.listProjects = listProjects;
        this.loadProject = loadProject;
        this.copyProject = copyProject;
        this.cleanupProjects = cleanupProjects;
    }

    @Post(uris = {"/save", "/{workspaceId}/save"})
    Envelope<SavedProject> save(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Nullable @Body SaveBody body) {
        if (body == null || body.project() == null) {
            throw new InvalidInputException("request body must be a JSON object with a 'project' object");
        }
        ProjectFields p = body.project();
        SaveProject.Saved saved = saveProject.execute(SaveProject.Command.of(
                caller, workspaceId, p.id(), p.name(), p.description(), p.metadata(), scopeOrNull(p.scope())));
        return Envelope.success(
                "Project saved successfully",
                new SavedProject(saved.project().id().value(), saved.created(), ProjectView.of(saved.project())));
    }

    @Post(uris = {"/list", "/{workspaceId}/list"})
    Envelope<List<ProjectView>> listPosted(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Nullable @Body ListBody body) {
        return list(caller, workspaceId, body == null ? null : scopes(body.scopes()), null, null);
    }

    /** The body's scopes as the query parameter writes them: a list of names, or the comma-separated text. */
    private static String scopes(Object scopes) {
        if (scopes == null || scopes instanceof String) {
            return (String) scopes;
        }
        if (scopes instanceof List<?> names && names.stream().allMatch(String.class::isInstance)) {
            return String.join(",", names.stream().map(String.class::cast).toList());
        }
        throw new InvalidInputException(
                "scopes must be a list of scope names (user, organization, shared) or a comma-separated string");
    }

    @Get(uris = {"/list", "/{workspaceId}/list"})
    Envelope<List<ProjectView>> list(
            @Caller User caller,
            @Nullable @PathVariable String workspaceId,
            @Nullable @QueryValue String scopes,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String offset) {
        ProjectQuery query = ProjectQuery.builder(caller)
                .visibilities(Visibility.parseList(scopes))
                .sort(ProjectSort.CREATED_AT, false)
                .page(Paging.limit(limit), Paging.offset(offset))
                .build();
        Page<Project> page = listProjects.execute(ListProjects.Command.inWorkspace(query, workspaceId));
        return Envelope.success(
                "Projects retrieved successfully",
                page.items().stream().map(ProjectView::of).toList());
    }

    @Post(uris = {"/load", "/{workspaceId}/load"})
    Envelope<LoadedProject> loadPosted(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Nullable @Body ProjectRefBody body) {
        if (body == null || body.project() == null) {
            throw new InvalidInputException(
                    "request body must be a JSON object with a 'project' object ({\"id\", \"scope\"?})");
        }
        return load(caller, workspaceId, body.project().id(), body.project().scope());
    }

    @Get(uris = {"/load", "/{workspaceId}/load"})
    Envelope<LoadedProject> load(
            @Caller User caller,
            @Nullable @PathVariable String workspaceId,
            @Nullable @QueryValue("project_id") String projectId,
            @Nullable @QueryValue String scope) {
        Scope.parse(scope);
        LoadProject.Loaded loaded = loadProject.execute(caller, workspaceId, projectId);
        return Envelope.success(
                "Project loaded successfully",
                new LoadedProject(
                        ProjectView.of(loaded.project(), loaded.current()),
                        loaded.role().wire()));
    }

    @Post(uris = {"/copy", "/{workspaceId}/copy"})
    Envelope<CopiedProject> copy(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Nullable @Body CopyBody body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with 'project_id'");
        }
        Scope targetScope = scopeOrNull(body.targetScope());
        // checked here so that the message names the dialect's field
        String newName = body.newProjectName() == null || body.newProjectName().isBlank()
                ? null
                : Text.name("new_project_name", body.newProjectName());
        Project copy = copyProject.execute(new CopyProject.Command(
                caller, body.projectId(), body.workspaceId(), workspaceId, newName, targetScope));
        return Envelope.success(
                "Project copied successfully", new CopiedProject(copy.id().value(), ProjectView.of(copy)));
    }

    @Post(uris = {"/cleanup", "/{workspaceId}/cleanup"})
    Envelope<Deleted> cleanup(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Nullable @Body ProjectRefBody body) {
        if (body == null || body.project() == null) {
            throw new InvalidInputException(
                    "request body must be a JSON object with a 'project' object ({\"id\"?, \"scope\"?})");
        }
        int deleted = cleanupProjects.execute(new CleanupProjects.Command(
                caller,
                workspaceId,
                body.project().id(),
                Scope.parse(body.project().scope())));
        return Envelope.success(
                deleted == 1 ? "1 project deleted" : deleted + " projects deleted", new Deleted(deleted));
    }

    private static Scope scopeOrNull(String scope) {
        return scope == null ? null : Scope.parse(scope);
    }
}
