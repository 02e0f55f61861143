package dev.atelier.http.resource;

import dev.atelier.application.collaboration.ArchiveProject;
import dev.atelier.application.collaboration.ListDocuments;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
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
import java.util.List;
import java.util.Map;

/**
 * The parts of a project beyond its name that the resource dialect shows and changes: the params
 * with their version history, the documents with their extracted facts, and the archived status.
 * Same rules as the rest of the dialect: viewer reads, editor writes, problem+json errors.
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectDetailsController {
    private final LoadProject loadProject;
    private final SetParams setParams;
    private final ListDocuments listDocuments;
    private final ArchiveProject archiveProject;

    ResourceProjectDetailsController(
            LoadProject loadProject, SetParams setParams, ListDocuments listDocuments, ArchiveProject archiveProject) {
        this.loadProject = loadProject;
        this.setParams = setParams;
        this.listDocuments = listDocuments;
        this.archiveProject = archiveProject;
    }

    @Operation(
            summary = "A project's current params and their version history",
            description = "Answers {project_id, current, history}: every version oldest first, each "
                    + "{version, params, instruction, created_at}; current is the last one.")
    @Get("/{id}/params")
    Map<String, Object> params(@Caller User caller, @PathVariable("id") String id) {
        return params(loadProject.execute(caller, id));
    }

    @Operation(
            summary = "Set a project's params (a new version)",
            description = "Body {params: {...}, instruction?, patch?}. The new version holds exactly the given params, "
                    + "or, with patch true, the previous ones with the given top-level fields replaced. Needs editor.")
    @Put("/{id}/params")
    Map<String, Object> setParams(
            @Caller User caller, @PathVariable("id") String id, @Nullable @Body Map<String, Object> body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with 'params'");
        }
        Object params = body.get("params");
        if (!(params instanceof Map<?, ?> given)) {
            throw new InvalidInputException("params is required and must be a JSON object");
        }
        Object instruction = body.get("instruction");
        if (instruction != null && !(instruction instanceof String)) {
            throw new InvalidInputException("instruction must be a string");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((k, v) -> values.put(String.valueOf(k), v));
        return params(setParams.execute(new SetParams.Command(
                caller, id, values, (String) instruction, SetParams.flag("patch", body.get("patch")))));
    }

    @Operation(
            summary = "A project's documents and datasets with what was extracted from each",
            description = "Answers {project_id, items, total}; items oldest first, without their text or bytes.")
    @Get("/{id}/documents")
    Map<String, Object> documents(@Caller User caller, @PathVariable("id") String id) {
        ListDocuments.Listed listed = listDocuments.execute(new ListDocuments.Command(caller, id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project_id", listed.project().id().value());
        body.put(
                "items",
                listed.documents().stream()
                        .map(ResourceProjectDetailsController::document)
                        .toList());
        body.put("total", listed.documents().size());
        return body;
    }

    @Operation(summary = "Archive a project", description = "Status becomes archived. Needs editor; idempotent.")
    @Post("/{id}/archive")
    HttpResponse<Map<String, Object>> archive(@Caller User caller, @PathVariable("id") String id) {
        return status(archiveProject.execute(new ArchiveProject.Command(caller, id, true)));
    }

    @Operation(
            summary = "Bring an archived project back",
            description = "Status becomes active. Needs editor; idempotent.")
    @Post("/{id}/unarchive")
    HttpResponse<Map<String, Object>> unarchive(@Caller User caller, @PathVariable("id") String id) {
        return status(archiveProject.execute(new ArchiveProject.Command(caller, id, false)));
    }

    private static HttpResponse<Map<String, Object>> status(Project project) {
        return HttpResponse.ok(Map.<String, Object>of("project", ResourceProjectsController.view(project)))
                .header(HttpHeaders.ETAG, ResourceProjectsController.etag(project));
    }

    private static Map<String, Object> params(LoadProject.Loaded loaded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project_id", loaded.project().id().value());
        ParamVersion current = loaded.current();
        body.put("current", current == null ? null : version(current));
        List<Map<String, Object>> history = loaded.paramHistory().stream()
                .map(ResourceProjectDetailsController::version)
                .toList();
        body.put("history", history);
        return body;
    }

    private static Map<String, Object> version(ParamVersion v) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", v.version());
        view.put("params", v.params());
        view.put("instruction", v.instruction());
        view.put("created_at", v.createdAt());
        return view;
    }

    /** A document as this dialect shows it (listed here, and answered by an upload). */
    static Map<String, Object> document(DocumentInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("project_id", d.projectId().value());
        m.put("filename", d.filename());
        m.put("media_type", d.mediaType());
        m.put("size_bytes", d.sizeBytes());
        m.put("sha256", d.sha256());
        m.put("rows", d.rows());
        m.put("columns", d.columns());
        m.put("pages", d.pages());
        m.put("characters", d.characters());
        m.put("truncated", d.truncated());
        m.put("dataset", d.dataset());
        m.put("created_at", d.createdAt());
        return m;
    }
}
