package dev.atelier.http.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The project calls of the Prometheux Python SDK ({@code prometheux_chain}, public repository
 * prometheuxresearch/prometheux_chain: {@code prometheux_chain/client/jarvispy_client.py} for the
 * requests, {@code prometheux_chain/project/manage_projects.py} for what each function makes of
 * the answer), transcribed request for request so that the suite sends exactly what the SDK sends.
 * Two generations exist:
 *
 * <ul>
 *   <li>{@link WorkspacePath}: the one its "Projects" SDK reference documents, with a
 *       {@code workspace_id} argument (default the literal {@code "workspace_id"}) in every path; it
 *       POSTs JSON bodies to every endpoint, list and load included;
 *   <li>{@link Current}: no workspace in the path; list and load are GETs with query parameters,
 *       one {@code requests.request} call with {@code Content-Type: application/json} on every
 *       method, GETs included.
 * </ul>
 *
 * <p>Both send {@code Authorization: Bearer <PMTX_TOKEN>} with python-requests' own User-Agent,
 * raise on 401/403/404/other 4xx-5xx before reading the body ({@code _handle_response}), and raise
 * again when the envelope's {@code status} is not {@code "success"}.
 */
final class PrometheuxSdk {
    private PrometheuxSdk() {}

    /** What the SDK raises; the message is the SDK's own text. */
    static final class SdkException extends RuntimeException {
        final int status;

        SdkException(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /** {@code JarvisPyClient._handle_response} and the status check of {@code manage_projects}. */
    private static JsonNode handle(Answer answer, String action) {
        switch (answer.status()) {
            case 401 ->
                throw new SdkException("Unauthorized: Invalid or expired token. Please check your PMTX_TOKEN.", 401);
            case 403 -> throw new SdkException("Forbidden: You don't have permission to perform this action.", 403);
            case 404 -> throw new SdkException("Not Found: The requested resource was not found.", 404);
            default -> {
                if (answer.status() >= 400) {
                    throw new SdkException("HTTP Error " + answer.status() + ": " + answer.text(), answer.status());
                }
            }
        }
        JsonNode response = answer.json();
        if (!"success".equals(response.path("status").asText(null))) {
            throw new SdkException(
                    "An exception occurred while " + action + ": "
                            + response.path("message").asText("Unknown error"),
                    answer.status());
        }
        return response;
    }

    private static Map<String, Object> project(Object id, Object name, Object scope) {
        Map<String, Object> p = Py.dict("id", id);
        if (name != NO_NAME) {
            p.put("name", name);
        }
        p.put("scope", scope);
        return p;
    }

    private static final Object NO_NAME = new Object();

    /**
     * The generation with the workspace id in the path: {@code save_project(workspace_id="workspace_id",
     * project_id=None, project_name=None, project_scope="user")} and its siblings.
     */
    static final class WorkspacePath {
        private final String jarvispyUrl;
        private final String token;

        /** {@code px.config.set('JARVISPY_URL', url)} and {@code os.environ['PMTX_TOKEN'] = token}. */
        WorkspacePath(String jarvispyUrl, String token) {
            this.jarvispyUrl = jarvispyUrl;
            this.token = token;
        }

        private JsonNode post(String path, Object payload, String action) {
            return handle(
                    Answer.exchange(PythonRequests.post(jarvispyUrl + path)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .json(payload)
                            .prepare()),
                    action);
        }

        /** {@code save_project(...)}: the project id from the answer ({@code data.get('project_id')}). */
        String saveProject(String workspaceId, String projectId, String projectName, String projectScope) {
            JsonNode response = post(
                    "/api/v1/projects/" + workspaceId + "/save",
                    Map.of("project", project(projectId, projectName, projectScope)),
                    "saving project");
            return response.path("data").path("project_id").asText(null);
        }

        /** {@code list_projects(workspace_id, project_scopes)}: {@code response.get('data', [])}. */
        JsonNode listProjects(String workspaceId, List<String> projectScopes) {
            Map<String, Object> payload = Py.dict("scopes", projectScopes);
            return post("/api/v1/projects/" + workspaceId + "/list", payload, "listing projects")
                    .path("data");
        }

        /** {@code load_project(project_id, workspace_id, project_scope)}: {@code response.get('data')}. */
        JsonNode loadProject(String projectId, String workspaceId, String projectScope) {
            return post(
                            "/api/v1/projects/" + workspaceId + "/load",
                            Map.of("project", project(projectId, NO_NAME, projectScope)),
                            "loading project")
                    .path("data");
        }

        /** {@code cleanup_projects(...)}: prints and returns the answer's message. */
        String cleanupProjects(String workspaceId, String projectId, String projectScope) {
            return post(
                            "/api/v1/projects/" + workspaceId + "/cleanup",
                            Map.of("project", project(projectId, NO_NAME, projectScope)),
                            "cleaning up project")
                    .path("message")
                    .asText("Project resources cleaned up successfully");
        }

        /** {@code copy_project(project_id, workspace_id, target_scope, new_project_name)}: the data. */
        JsonNode copyProject(String projectId, String workspaceId, String targetScope, String newProjectName) {
            Map<String, Object> payload = Py.dict(
                    "project_id",
                    projectId,
                    "workspace_id",
                    workspaceId,
                    "target_scope",
                    targetScope,
                    "new_project_name",
                    newProjectName);
            return post("/api/v1/projects/" + workspaceId + "/copy", payload, "copying project")
                    .path("data");
        }

        /** {@code export_workspace(workspace_id, scope)} (workspace module): the data. */
        JsonNode exportWorkspace(String workspaceId, String scope) {
            return post(
                            "/api/v1/workspaces/" + workspaceId + "/export-tables",
                            Map.of("scope", scope),
                            "exporting workspace tables")
                    .path("data");
        }

        /** {@code import_workspace(export_data, workspace_id, scope)}: the whole answer. */
        JsonNode importWorkspace(JsonNode exportData, String workspaceId, String scope) {
            Map<String, Object> payload =
                    Py.dict("export_data", exportData, "workspace_id", workspaceId, "scope", scope);
            return post("/api/v1/workspaces/import-tables", payload, "importing workspace tables");
        }
    }

    /** The current generation: {@code /api/v1/projects/...} without a workspace, GET for list and load. */
    static final class Current {
        private final String jarvispyUrl;
        private final String token;

        Current(String jarvispyUrl, String token) {
            this.jarvispyUrl = jarvispyUrl;
            this.token = token;
        }

        /** {@code JarvisPyClient._request(method, path, json=None, params=None)}, then {@code _check}. */
        private JsonNode request(String method, String path, Object json, Map<String, Object> params, String action) {
            PythonRequests r = PythonRequests.request(method, jarvispyUrl + path)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .json(json);
            if (params != null) {
                params.forEach(r::param);
            }
            return handle(Answer.exchange(r.prepare()), action).path("data");
        }

        String saveProject(String projectId, String projectName, String projectScope, String description) {
            Map<String, Object> project = project(projectId, projectName, projectScope);
            if (description != null) {
                project.put("description", description);
            }
            JsonNode data = request("POST", "/api/v1/projects/save", Map.of("project", project), null, "save");
            return data.isObject() ? data.path("project_id").asText(null) : data.asText(null);
        }

        /** {@code list_projects(project_scopes)}: the scopes joined with commas into one query parameter. */
        JsonNode listProjects(List<String> projectScopes) {
            Map<String, Object> params =
                    Py.dict("scopes", String.join(",", projectScopes == null ? List.of("user") : projectScopes));
            return request("GET", "/api/v1/projects/list", null, params, "list");
        }

        JsonNode loadProject(String projectId, String projectScope) {
            Map<String, Object> params = Py.dict("project_id", projectId, "scope", projectScope);
            return request("GET", "/api/v1/projects/load", null, params, "load");
        }

        void cleanupProjects(String projectId, String projectScope) {
            request(
                    "POST",
                    "/api/v1/projects/cleanup",
                    Map.of("project", project(projectId, NO_NAME, projectScope)),
                    null,
                    "cleanup");
        }

        JsonNode copyProject(String projectId, String targetScope, String newProjectName) {
            Map<String, Object> payload =
                    Py.dict("project_id", projectId, "target_scope", targetScope, "new_project_name", newProjectName);
            return request("POST", "/api/v1/projects/copy", payload, null, "copy");
        }

        JsonNode exportProject(String projectId, String scope) {
            Map<String, Object> payload = Py.dict("project_id", projectId, "scope", scope);
            return request("POST", "/api/v1/projects/export-project", payload, null, "export");
        }

        JsonNode importProject(JsonNode exportData, String scope) {
            Map<String, Object> payload = Py.dict("export_data", exportData, "scope", scope);
            return request("POST", "/api/v1/projects/import-project", payload, null, "import");
        }

        JsonNode exportWorkspace(String scope) {
            return request(
                    "POST", "/api/v1/projects/export-workspace", Map.of("scope", scope), null, "workspace export");
        }

        JsonNode importWorkspace(JsonNode exportData, String scope) {
            Map<String, Object> payload = Py.dict("export_data", exportData, "scope", scope);
            return request("POST", "/api/v1/projects/import-workspace", payload, null, "workspace import");
        }
    }
}
