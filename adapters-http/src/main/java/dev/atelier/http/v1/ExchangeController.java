package dev.atelier.http.v1;

import dev.atelier.application.exchange.ExportProject;
import dev.atelier.application.exchange.ExportWorkspace;
import dev.atelier.application.exchange.ImportProject;
import dev.atelier.application.exchange.ImportTemplate;
import dev.atelier.application.exchange.ImportWorkspace;
import dev.atelier.application.exchange.ListTemplates;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.V1Bodies.ExportRequest;
import dev.atelier.http.v1.V1Bodies.ImportRequest;
import dev.atelier.http.v1.V1Bodies.ImportSummary;
import dev.atelier.http.v1.V1Bodies.ImportedProject;
import dev.atelier.http.v1.V1Bodies.ProjectView;
import dev.atelier.http.v1.V1Bodies.ScopeRequest;
import dev.atelier.http.v1.V1Bodies.TemplateProject;
import dev.atelier.http.v1.V1Bodies.TemplateRequest;
import dev.atelier.http.v1.V1Bodies.TemplateView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * v1 export, import and templates under {@code /api/v1/projects}, each in both forms: with the
 * workspace in the path (as the reference examples write it) and without it (the default workspace, or the body's
 * {@code workspace_id} when the path has none).
 */
@Tag(name = ApiDefinition.V1)
@Controller("/api/v1/projects")
final class ExchangeController {
    private final ExportProject exportProject;
    private final ImportProject importProject;
    private final ExportWorkspace exportWorkspace;
    private final ImportWorkspace importWorkspace;
    private final ListTemplates listTemplates;
    private final ImportTemplate importTemplate;
    private final StreamedExports streamed;
    private final SpooledImports spooled;

    ExchangeController(
            ExportProject exportProject,
            ImportProject importProject,
            ExportWorkspace exportWorkspace,
            ImportWorkspace importWorkspace,
            ListTemplates listTemplates,
            ImportTemplate importTemplate,
            StreamedExports streamed,
            SpooledImports spooled) {
        this.exportProject = exportProject;
        this.importProject = importProject;
        this.exportWorkspace = exportWorkspace;
        this.importWorkspace = importWorkspace;
        this.listTemplates = listTemplates;
        this.importTemplate = importTemplate;
        this.streamed = streamed;
        this.spooled = spooled;
    }

    // ---- export-project

    @Post("/export-project")
    Envelope<Map<String, Object>> exportProject(@Caller User caller, @Nullable @Body ExportRequest body) {
        return exportProject(caller, null, body);
    }

    // the export stays a map: its tables and rows are the export format's, written by the use case
    @Post("/{workspaceId}/export-project")
    Envelope<Map<String, Object>> exportProject(
            @Caller User caller, @PathVariable("workspaceId") String workspaceId, @Nullable @Body ExportRequest body) {
        ExportRequest request = required(body, "project_id");
        Map<String, Object> export = exportProject.execute(new ExportProject.Command(
                caller,
                workspace(workspaceId, request.workspaceId()),
                request.projectId(),
                Scope.parse(request.scope())));
        return Envelope.success("Project exported successfully", export);
    }

    // ---- import-project

    @Post("/import-project")
    Envelope<ImportedProject> importProject(@Caller User caller, @Nullable @Body ImportRequest body) {
        return importProject(caller, null, body);
    }

    @Post("/{workspaceId}/import-project")
    Envelope<ImportedProject> importProject(
            @Caller User caller, @PathVariable("workspaceId") String workspaceId, @Nullable @Body ImportRequest body) {
        ImportRequest request = required(body, "export_data");
        ImportProject.Imported imported = importProject.execute(new ImportProject.Command(
                caller,
                workspace(workspaceId, request.workspaceId()),
                exportOf(request.exportData()),
                scope(request.scope())));
        return Envelope.success(
                "Project imported successfully",
                new ImportedProject(
                        imported.project().id().value(),
                        ProjectView.ofHistory(imported.project(), imported.paramHistory()),
                        imported.summary()));
    }

    /**
     * {@code export_data} as the export itself, or as the whole answer of the export request
     * ({@code {"status": "success", "message", "data": {export}}}), as workspace imports take it too.
     */
    static Object exportOf(Object exportData) {
        if (exportData instanceof Map<?, ?> answer
                && "success".equals(answer.get("status"))
                && answer.get("data") instanceof Map<?, ?> export
                && !answer.containsKey("format")
                && !answer.containsKey("tables")) {
            return export;
        }
        return exportData;
    }

    // ---- export-workspace (streamed)

    @Post("/export-workspace")
    StreamedFile exportWorkspace(@Caller User caller, @Nullable @Body ScopeRequest body) {
        return exportWorkspace(caller, null, body);
    }

    @Post("/{workspaceId}/export-workspace")
    StreamedFile exportWorkspace(
            @Caller User caller, @PathVariable("workspaceId") String workspaceId, @Nullable @Body ScopeRequest body) {
        ScopeRequest request = body == null ? new ScopeRequest(null, null) : body;
        ExportWorkspace.Prepared prepared = exportWorkspace.prepare(new ExportWorkspace.Command(
                caller, workspace(workspaceId, request.workspaceId()), Scope.parse(request.scope())));
        return streamed.stream(prepared, "Workspace exported successfully");
    }

    // ---- import-workspace (read from a spooled body, row by row)

    @Post("/import-workspace")
    Envelope<ImportSummary> importWorkspace(@Caller User caller, @Body InputStream body) {
        return importWorkspace(caller, null, body);
    }

    @Post("/{workspaceId}/import-workspace")
    Envelope<ImportSummary> importWorkspace(
            @Caller User caller, @PathVariable("workspaceId") String workspaceId, @Body InputStream body) {
        Map<String, Object> summary =
                spooled.withSpooled(body, source -> importSpooled(importWorkspace, caller, workspaceId, source));
        return Envelope.success("Workspace imported successfully", new ImportSummary(summary));
    }

    /** Runs a workspace import over a spooled body: workspace from the path, else the body. */
    static Map<String, Object> importSpooled(
            ImportWorkspace importWorkspace, User caller, String pathWorkspace, JsonFileExportSource source) {
        if (!source.exportPresent()) {
            throw new InvalidInputException("export_data is required");
        }
        String workspace = workspace(pathWorkspace, text(source.requestMember("workspace_id"), "workspace_id"));
        Scope scope = scope(text(source.requestMember("scope"), "scope"));
        return importWorkspace.execute(new ImportWorkspace.Command(caller, workspace, source, scope));
    }

    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidInputException(field + " must be a string");
    }

    // ---- templates

    @Get("/list-templates")
    Envelope<List<TemplateView>> listTemplates(@Caller User caller) {
        return Envelope.success(
                "Templates listed successfully",
                listTemplates.execute().stream().map(TemplateView::of).toList());
    }

    @Get("/{workspaceId}/list-templates")
    Envelope<List<TemplateView>> listTemplates(@Caller User caller, @PathVariable("workspaceId") String workspaceId) {
        return listTemplates(caller);
    }

    @Post("/import-template")
    Envelope<TemplateProject> importTemplate(@Caller User caller, @Nullable @Body TemplateRequest body) {
        return importTemplate(caller, null, body);
    }

    @Post("/{workspaceId}/import-template")
    Envelope<TemplateProject> importTemplate(
            @Caller User caller,
            @PathVariable("workspaceId") String workspaceId,
            @Nullable @Body TemplateRequest body) {
        TemplateRequest request = required(body, "template_id");
        // checked here so that the messages name the dialect's fields
        if (request.templateId() == null || request.templateId().isBlank()) {
            throw new InvalidInputException("template_id is required");
        }
        String newName =
                request.newProjectName() == null || request.newProjectName().isBlank()
                        ? null
                        : Text.name("new_project_name", request.newProjectName());
        ImportTemplate.Created created = importTemplate.execute(new ImportTemplate.Command(
                caller,
                workspace(workspaceId, request.workspaceId()),
                request.templateId(),
                newName,
                Scope.parse(request.projectScope())));
        return Envelope.success(
                "Project created from template successfully",
                new TemplateProject(
                        ProjectView.ofHistory(created.project(), created.paramHistory()),
                        created.template().id()));
    }

    /** The path's workspace wins; without one, the body's; without either, the default workspace. */
    static String workspace(String path, String body) {
        if (path != null && !path.isBlank()) {
            return path;
        }
        return body;
    }

    /** An import's scope: absent keeps the exported scope. */
    static Scope scope(String value) {
        return value == null || value.isBlank() ? null : Scope.parse(value);
    }

    static <T> T required(T body, String field) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with " + field);
        }
        return body;
    }
}
