package dev.atelier.http.v1;

import dev.atelier.application.workspace.ListWorkspaces;
import dev.atelier.application.workspace.LoadWorkspace;
import dev.atelier.application.workspace.SaveWorkspace;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.V1Bodies.LoadedWorkspace;
import dev.atelier.http.v1.V1Bodies.SavedWorkspace;
import dev.atelier.http.v1.V1Bodies.WorkspaceFields;
import dev.atelier.http.v1.V1Bodies.WorkspaceView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Workspaces API v1: save, list, load. */
@Tag(name = ApiDefinition.V1)
@Controller("/api/v1/workspaces")
final class WorkspacesController {
    private final SaveWorkspace saveWorkspace;
    private final ListWorkspaces listWorkspaces;
    private final LoadWorkspace loadWorkspace;

    WorkspacesController(SaveWorkspace saveWorkspace, ListWorkspaces listWorkspaces, LoadWorkspace loadWorkspace) {
        this.saveWorkspace = saveWorkspace;
        this.listWorkspaces = listWorkspaces;
        this.loadWorkspace = loadWorkspace;
    }

    @Post("/save")
    Envelope<SavedWorkspace> save(@Caller User caller, @Nullable @Body WorkspaceFields body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a workspace object with at least a 'name'");
        }
        Workspace saved = saveWorkspace.execute(new SaveWorkspace.Command(
                caller,
                body.id(),
                body.name(),
                body.description(),
                body.metadata(),
                body.scope() == null ? null : Scope.parse(body.scope())));
        return Envelope.success(
                "Workspace saved successfully", new SavedWorkspace(saved.id().value(), WorkspaceView.of(saved)));
    }

    @Get("/list")
    Envelope<List<WorkspaceView>> list(@Caller User caller, @Nullable @QueryValue String scope) {
        List<WorkspaceView> workspaces = listWorkspaces.execute(caller, Scope.parse(scope)).stream()
                .map(WorkspaceView::of)
                .toList();
        return Envelope.success("Workspaces retrieved successfully", workspaces);
    }

    @Get("/{workspaceId}/load")
    Envelope<LoadedWorkspace> load(
            @Caller User caller, @PathVariable String workspaceId, @Nullable @QueryValue String scope) {
        Scope.parse(scope);
        LoadWorkspace.Loaded loaded = loadWorkspace.execute(caller, workspaceId);
        return Envelope.success(
                "Workspace loaded successfully",
                new LoadedWorkspace(WorkspaceView.of(loaded.workspace()), loaded.projectCount()));
    }
}
