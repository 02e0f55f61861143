package dev.atelier.http.resource;

import dev.atelier.application.collaboration.ArchiveProject;
import dev.atelier.application.collaboration.GetTimeline;
import dev.atelier.application.collaboration.ListDocuments;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.resource.ResourceBodies.DocumentList;
import dev.atelier.http.resource.ResourceBodies.DocumentView;
import dev.atelier.http.resource.ResourceBodies.EventView;
import dev.atelier.http.resource.ResourceBodies.ParamVersionView;
import dev.atelier.http.resource.ResourceBodies.ParamsAnswer;
import dev.atelier.http.resource.ResourceBodies.ParamsChange;
import dev.atelier.http.resource.ResourceBodies.ProjectAnswer;
import dev.atelier.http.resource.ResourceBodies.Timeline;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a project beyond its name that the resource dialect shows and changes: the params
 * with their version history, the documents with their extracted facts, the timeline of its
 * events, and the archived status.
 * Same rules as the rest of the dialect: viewer reads, editor writes, problem+json errors.
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectDetailsController {
    private final LoadProject loadProject;
    private final SetParams setParams;
    private final ListDocuments listDocuments;
    private final ArchiveProject archiveProject;
    private final GetTimeline getTimeline;

    ResourceProjectDetailsController(
            LoadProject loadProject,
            SetParams setParams,
            ListDocuments listDocuments,
            ArchiveProject archiveProject,
            GetTimeline getTimeline) {
        this.loadProject = loadProject;
        this.setParams = setParams;
        this.listDocuments = listDocuments;
        this.archiveProject = archiveProject;
        this.getTimeline = getTimeline;
    }

    @Operation(
            summary = "A project's current params and their version history",
            description = "Answers {project_id, current, history}: every version oldest first, each "
                    + "{version, params, instruction, created_at}; current is the last one.")
    @Get("/{id}/params")
    ParamsAnswer params(@Caller User caller, @PathVariable("id") String id) {
        return params(loadProject.execute(caller, id));
    }

    @Operation(
            summary = "Set a project's params (a new version)",
            description = "Body {params: {...}, instruction?, patch?}. The new version holds exactly the given params, "
                    + "or, with patch true, the previous ones with the given top-level fields replaced. Needs editor.")
    @Put("/{id}/params")
    ParamsAnswer setParams(@Caller User caller, @PathVariable("id") String id, @Nullable @Body ParamsChange body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with 'params'");
        }
        if (!(body.params() instanceof Map<?, ?> given)) {
            throw new InvalidInputException("params is required and must be a JSON object");
        }
        String instruction = ResourceInput.string("instruction", body.instruction());
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((k, v) -> values.put(String.valueOf(k), v));
        return params(setParams.execute(
                new SetParams.Command(caller, id, values, instruction, SetParams.flag("patch", body.patch()))));
    }

    @Operation(
            summary = "A project's documents and datasets with what was extracted from each",
            description = "Answers {project_id, items, total}; items oldest first, without their text or bytes.")
    @Get("/{id}/documents")
    DocumentList documents(@Caller User caller, @PathVariable("id") String id) {
        ListDocuments.Listed listed = listDocuments.execute(new ListDocuments.Command(caller, id));
        return new DocumentList(
                listed.project().id().value(),
                listed.documents().stream().map(DocumentView::of).toList(),
                listed.documents().size());
    }

    @Get("/{id}/timeline")
    Timeline timeline(@Caller User caller, @PathVariable("id") String id) {
        GetTimeline.Result result = getTimeline.execute(new GetTimeline.Command(caller, id));
        return new Timeline(
                result.project().id().value(),
                result.events().stream().map(EventView::of).toList());
    }

    @Operation(summary = "Archive a project", description = "Status becomes archived. Needs editor; idempotent.")
    @Post("/{id}/archive")
    HttpResponse<ProjectAnswer> archive(@Caller User caller, @PathVariable("id") String id) {
        return status(archiveProject.execute(new ArchiveProject.Command(caller, id, true)));
    }

    @Operation(
            summary = "Bring an archived project back",
            description = "Status becomes active. Needs editor; idempotent.")
    @Post("/{id}/unarchive")
    HttpResponse<ProjectAnswer> unarchive(@Caller User caller, @PathVariable("id") String id) {
        return status(archiveProject.execute(new ArchiveProject.Command(caller, id, false)));
    }

    private static HttpResponse<ProjectAnswer> status(Project project) {
        return HttpResponse.ok(ProjectAnswer.of(project)).header(HttpHeaders.ETAG, ResourceInput.etag(project));
    }

    private static ParamsAnswer params(LoadProject.Loaded loaded) {
        ParamVersion current = loaded.current();
        return new ParamsAnswer(
                loaded.project().id().value(),
                current == null ? null : ParamVersionView.of(current),
                loaded.paramHistory().stream().map(ParamVersionView::of).toList());
    }
}
