package dev.atelier.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.model.Workspace;
import dev.atelier.http.analysis.AnalysisViews;
import dev.atelier.http.v1.AdminBodies.UserView;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The data of the v1 projects and workspaces endpoints' envelopes, as records the OpenAPI
 * document describes (as {@code V1Bodies.ProjectView} and so on), with the wire names spelled out
 * ({@link JsonProperty}) so that renaming a component never renames a field clients read.
 * Timestamps are ISO-8601 UTC seconds, nulls are written, except where a field says otherwise.
 *
 * <p>An answer that is a project or workspace with a few fields after its own (a loaded project's
 * role, a loaded workspace's project count) unwraps the view ({@link JsonUnwrapped}), which keeps
 * the object flat and the added fields last, as clients read them.
 */
final class V1Bodies {
    private V1Bodies() {}

    // ---- requests -------------------------------------------------------------------------------

    /** {@code {"project": {...}}}: the body of save. */
    @Introspected
    record SaveBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("project")
            ProjectFields project) {}

    /** A project to save: a new one, or, when {@code id} names a project the caller can edit, that project changed. */
    @Introspected
    record ProjectFields(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("metadata") Map<String, Object> metadata,

            @Schema(description = "user (the default) or organization") @JsonProperty("scope")
            String scope) {}

    /** The body of copy: the path names the target workspace, {@code workspace_id} the source. */
    @Introspected
    record CopyBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("project_id")
            String projectId,

            @JsonProperty("workspace_id") String workspaceId,
            @JsonProperty("new_project_name") String newProjectName,
            @JsonProperty("target_scope") String targetScope) {}

    /** {@code {"project": {"id"?, "scope"?}}}: the body of cleanup and of a POSTed load. */
    @Introspected
    record ProjectRefBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("project")
            ProjectRef project) {}

    /** A project named by id (cleanup without one deletes every project of the scope). */
    @Introspected
    record ProjectRef(
            @JsonProperty("id") String id,
            @JsonProperty("scope") String scope) {}

    /** {@code {"scopes": ["user", "shared"]}}: the body of a POSTed list. */
    // scopes is checked by the controller, so that its message names the dialect's field
    @Introspected
    record ListBody(
            @Schema(
                    type = "array",
                    description = "scope names (user, organization, shared), or one comma-separated string")
            @JsonProperty("scopes")
            Object scopes) {}

    /** The body of export-project. */
    @Introspected
    record ExportRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("project_id")
            String projectId,

            @JsonProperty("scope") String scope,
            @JsonProperty("workspace_id") String workspaceId) {}

    /** The body of import-project. */
    // export_data is checked by the use case, which names the export format's own fields
    @Introspected
    record ImportRequest(
            @Schema(
                    type = "object",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "an export, or the whole answer of export-project")
            @JsonProperty("export_data")
            Object exportData,

            @Schema(description = "absent keeps the exported scope") @JsonProperty("scope")
            String scope,

            @JsonProperty("workspace_id") String workspaceId) {}

    /** The body of export-workspace. */
    @Introspected
    record ScopeRequest(
            @JsonProperty("scope") String scope,
            @JsonProperty("workspace_id") String workspaceId) {}

    /** The body of import-template. */
    @Introspected
    record TemplateRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("template_id")
            String templateId,

            @JsonProperty("new_project_name") String newProjectName,
            @JsonProperty("project_scope") String projectScope,
            @JsonProperty("workspace_id") String workspaceId) {}

    /** The body of workspace save: the workspace itself. */
    @Introspected
    record WorkspaceFields(
            @JsonProperty("id") String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("name")
            String name,

            @JsonProperty("description") String description,
            @JsonProperty("metadata") Map<String, Object> metadata,

            @Schema(description = "user (the default) or organization") @JsonProperty("scope")
            String scope) {}

    /** The body of export-tables. */
    @Introspected
    record ExportTablesRequest(@JsonProperty("scope") String scope) {}

    // ---- projects -------------------------------------------------------------------------------

    /**
     * A project as v1 shows it. {@code params} and {@code params_version} (the current params) are
     * there only where the endpoint reads them (load, imports): absent, not null, elsewhere.
     */
    @Introspected
    record ProjectView(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("metadata") Map<String, Object> metadata,

            @Schema(allowableValues = {"user", "organization"}) @JsonProperty("scope")
            String scope,

            @JsonProperty("workspace_id") String workspaceId,
            @JsonProperty("type") String type,

            @Schema(allowableValues = {"active", "archived"}) @JsonProperty("status")
            String status,

            @Schema(description = "the current params; only where the endpoint reads them (load, imports)")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonProperty("params")
            Map<String, Object> params,

            @Schema(description = "the version of the current params; only with params")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JsonProperty("params_version")
            Integer paramsVersion,

            @JsonProperty("owner_id") String ownerId,
            @JsonProperty("version") long version,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        /** The project without its params. */
        static ProjectView of(Project project) {
            return of(project, null);
        }

        /** The project with {@code current} as its params, or without params when {@code current} is null. */
        static ProjectView of(Project project, ParamVersion current) {
            return new ProjectView(
                    project.id().value(),
                    project.name(),
                    project.description(),
                    project.metadata(),
                    project.scope().wire(),
                    project.workspaceId().value(),
                    project.type(),
                    project.status().wire(),
                    current == null ? null : current.params(),
                    current == null ? null : current.version(),
                    project.ownerId().value(),
                    project.version(),
                    project.createdAt(),
                    project.updatedAt());
        }

        /** The project with the last of {@code history} as its params (none when the history is empty). */
        static ProjectView ofHistory(Project project, List<ParamVersion> history) {
            return of(project, history.isEmpty() ? null : history.getLast());
        }
    }

    /** A project just saved: its id, whether save created it, the project. */
    @Introspected
    record SavedProject(
            @JsonProperty("project_id") String projectId,
            @JsonProperty("created") boolean created,
            @JsonProperty("project") ProjectView project) {}

    /** A project loaded: the project with its current params, then the caller's role on it. */
    @Introspected
    record LoadedProject(
            @JsonUnwrapped ProjectView project,

            @Schema(allowableValues = {"viewer", "editor", "admin", "owner"}) @JsonProperty("role")
            String role) {}

    /** A copy just made: its id, then the copy. */
    @Introspected
    record CopiedProject(
            @JsonProperty("new_project_id") String newProjectId,
            @JsonProperty("project") ProjectView project) {}

    /** How many projects a cleanup deleted. */
    @Introspected
    record Deleted(@JsonProperty("deleted") int deleted) {}

    // ---- export, import, templates --------------------------------------------------------------

    /** A project just imported: its id, the project with its current params, and what was imported. */
    // the summary stays a map: the import writes it, with a count per table of the export format
    @Introspected
    record ImportedProject(
            @JsonProperty("new_project_id") String newProjectId,
            @JsonProperty("project") ProjectView project,
            @JsonProperty("summary") Map<String, Object> summary) {}

    /** What a workspace import did. */
    // the summary stays a map: the import writes it, with a count per table of the export format
    @Introspected
    record ImportSummary(@JsonProperty("summary") Map<String, Object> summary) {}

    /** A template projects can be created from. */
    @Introspected
    record TemplateView(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("category") String category) {
        static TemplateView of(Template t) {
            return new TemplateView(t.id(), t.name(), t.description(), t.category());
        }
    }

    /** A project just created from a template: the project with its params, then the template's id. */
    @Introspected
    record TemplateProject(
            @JsonUnwrapped ProjectView project,
            @JsonProperty("template_id") String templateId) {}

    // ---- create-from-context --------------------------------------------------------------------

    /**
     * A project just created from a context: the project (without {@code params_version}), then
     * the params the analysis proposed, the documents read and the analysis itself.
     */
    @Introspected
    record ContextProject(
            @JsonUnwrapped ProjectView project,
            @JsonProperty("params") Map<String, Object> params,
            @JsonProperty("documents") List<DocumentView> documents,
            @JsonProperty("analysis") AnalysisViews.AnalysisView analysis) {}

    /** A document read for a new project, without its text or bytes. */
    @Introspected
    record DocumentView(
            @JsonProperty("id") String id,
            @JsonProperty("filename") String filename,
            @JsonProperty("media_type") String mediaType,
            @JsonProperty("size_bytes") long sizeBytes,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("pages") Integer pages,
            @JsonProperty("rows") Integer rows,
            @JsonProperty("columns") Integer columns,
            @JsonProperty("characters") int characters,
            @JsonProperty("truncated") boolean truncated) {
        static DocumentView of(Document d) {
            return new DocumentView(
                    d.id(),
                    d.filename(),
                    d.mediaType(),
                    d.sizeBytes(),
                    d.sha256(),
                    d.pages(),
                    d.rows(),
                    d.columns(),
                    d.characters(),
                    d.truncated());
        }
    }

    // ---- workspaces and the caller --------------------------------------------------------------

    /** A workspace as v1 shows it. */
    @Introspected
    record WorkspaceView(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("metadata") Map<String, Object> metadata,

            @Schema(allowableValues = {"user", "organization"}) @JsonProperty("scope")
            String scope,

            @JsonProperty("owner_id") String ownerId,
            @JsonProperty("is_default") boolean isDefault,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(
                    w.id().value(),
                    w.name(),
                    w.description(),
                    w.metadata(),
                    w.scope().wire(),
                    w.ownerId().value(),
                    w.defaultWorkspace(),
                    w.createdAt(),
                    w.updatedAt());
        }
    }

    /** A workspace just saved: its id, then the workspace. */
    @Introspected
    record SavedWorkspace(
            @JsonProperty("workspace_id") String workspaceId,
            @JsonProperty("workspace") WorkspaceView workspace) {}

    /** A workspace loaded: the workspace, then how many projects it holds. */
    @Introspected
    record LoadedWorkspace(
            @JsonUnwrapped WorkspaceView workspace,
            @JsonProperty("project_count") long projectCount) {}

    /** {@code GET /api/v1/me}: the caller's own user. */
    @Introspected
    record CallerAnswer(@JsonProperty("user") UserView user) {}
}
