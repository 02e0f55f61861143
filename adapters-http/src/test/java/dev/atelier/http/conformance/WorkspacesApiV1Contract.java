package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Prometheux "Workspaces API" reference (Save Workspace, List Workspaces, Load Workspace,
 * Export Workspace Tables, Import Workspace Tables): each section's cURL example and Python
 * example, sent as written, reading what each example reads. {@code ws_12345} and
 * {@code ws_67890} stand for real workspaces, {@code {...}} for a real export.
 */
abstract class WorkspacesApiV1Contract extends ConformanceContract {
    private static final String JWT = "Authorization: Bearer ";

    private String baseUrl() {
        return base() + "/api/v1";
    }

    private static Map<String, Object> financialWorkspace() {
        Map<String, Object> metadata = Py.dict("department", "finance", "created_by", "analyst_team");
        Map<String, Object> workspace = Py.dict(
                "name",
                "Financial Analysis Workspace",
                "description",
                "Workspace for financial data analysis and reporting",
                "metadata",
                metadata);
        return workspace;
    }

    private JsonNode loadWorkspace(TestUser user, String id) {
        return server().get("/api/v1/workspaces/" + id + "/load", user.token()).data();
    }

    // ---- Save Workspace

    @Test
    void workspacesApiV1_saveWorkspace_curlExample() {
        TestUser user = user("Analyst");

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/workspaces/save")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"name\": \"Financial Analysis Workspace\",\n"
                        + "\"description\": \"Workspace for financial data analysis and reporting\",\n"
                        + "\"metadata\": {\n\"department\": \"finance\",\n\"created_by\": \"analyst_team\"\n}\n}")
                .prepare());

        // the documented response: {"data": {"workspace_id"}, "message", "status": "success"}
        String id = Py.str(v1Success(answer), "workspace_id");
        JsonNode saved = loadWorkspace(user, id);
        assertThat(saved.path("name").asText()).isEqualTo("Financial Analysis Workspace");
        assertThat(saved.path("metadata").path("created_by").asText()).isEqualTo("analyst_team");
    }

    @Test
    void workspacesApiV1_saveWorkspace_pythonExample() {
        TestUser user = user("Analyst");

        // save_workspace(base_url, token, workspace_data)
        JsonNode result = postJsonPy(baseUrl() + "/workspaces/save", user.token(), financialWorkspace());

        // print(f"Workspace created with ID: {result['data']['workspace_id']}")
        String id = Py.str(result, "data", "workspace_id");
        assertThat(loadWorkspace(user, id).path("description").asText())
                .isEqualTo("Workspace for financial data analysis and reporting");
    }

    // ---- List Workspaces

    @Test
    void workspacesApiV1_listWorkspaces_curlExample() {
        TestUser user = user("Analyst");
        String id = workspace(user, "Financial Analysis Workspace");

        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/v1/workspaces/list?scope=user")
                .header(JWT + user.token())
                .prepare());

        List<String> ids = new ArrayList<>();
        for (JsonNode workspace : v1Success(answer)) {
            ids.add(Py.str(workspace, "id"));
            Py.str(workspace, "name");
        }
        assertThat(ids).contains(id);
    }

    @Test
    void workspacesApiV1_listWorkspaces_pythonExample() {
        TestUser user = user("Analyst");
        workspace(user, "Financial Analysis Workspace");

        // list_workspaces(base_url, token) with scope="user"
        JsonNode workspaces = Answer.exchange(PythonRequests.get(baseUrl() + "/workspaces/list")
                        .header("Authorization", "Bearer " + user.token())
                        .param("scope", "user")
                        .prepare())
                .json();

        // for workspace in workspaces['data']: print(f"Workspace: {workspace['name']} (ID: {workspace['id']})")
        List<String> names = new ArrayList<>();
        for (JsonNode workspace : Py.item(workspaces, "data")) {
            names.add(Py.str(workspace, "name"));
            Py.str(workspace, "id");
        }
        assertThat(names).contains("Financial Analysis Workspace");
    }

    // ---- Load Workspace

    @Test
    void workspacesApiV1_loadWorkspace_curlExample() {
        TestUser user = user("Analyst");
        String id = workspace(user, "Financial Analysis Workspace");
        project(user, id, "In the workspace", "user");

        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/v1/workspaces/" + id + "/load?scope=user")
                .header(JWT + user.token())
                .prepare());

        JsonNode workspace = v1Success(answer);
        assertThat(Py.str(workspace, "id")).isEqualTo(id);
        assertThat(Py.item(workspace, "project_count").asInt()).isEqualTo(1);
    }

    @Test
    void workspacesApiV1_loadWorkspace_pythonExample() {
        TestUser user = user("Analyst");
        String id = workspace(user, "Financial Analysis Workspace");

        JsonNode workspace = Answer.exchange(PythonRequests.get(baseUrl() + "/workspaces/" + id + "/load")
                        .header("Authorization", "Bearer " + user.token())
                        .param("scope", "user")
                        .prepare())
                .json();

        // print(f"Loaded workspace: {workspace['data']['name']}")
        assertThat(Py.str(workspace, "data", "name")).isEqualTo("Financial Analysis Workspace");
    }

    // ---- Export Workspace Tables

    @Test
    void workspacesApiV1_exportWorkspaceTables_curlExample() {
        TestUser user = user("Analyst");
        String id = workspace(user, "Financial Analysis Workspace");
        project(user, id, "Exported with the workspace", "user");

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/workspaces/" + id + "/export-tables")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"scope\": \"user\"\n}")
                .prepare());

        JsonNode export = v1Success(answer);
        assertThat(Py.str(export, "workspace_id")).isEqualTo(id);
        assertThat(Py.item(export, "summary", "total_tables").asInt()).isPositive();
        assertThat(Py.item(export, "summary", "projects").asInt()).isEqualTo(1);
    }

    /** The document's {@code export_workspace_tables(base_url, token, workspace_id, scope="user")}. */
    private JsonNode exportWorkspaceTablesPy(TestUser user, String workspaceId) {
        return postJsonPy(
                baseUrl() + "/workspaces/" + workspaceId + "/export-tables", user.token(), Map.of("scope", "user"));
    }

    @Test
    void workspacesApiV1_exportWorkspaceTables_pythonExample() {
        TestUser user = user("Analyst");
        String id = workspace(user, "Financial Analysis Workspace");
        project(user, id, "Exported with the workspace", "user");

        JsonNode exportData = exportWorkspaceTablesPy(user, id);

        // print(f"Exported {export_data['data']['summary']['total_tables']} tables")
        assertThat(Py.item(exportData, "data", "summary", "total_tables").isInt())
                .isTrue();
    }

    // ---- Import Workspace Tables

    @Test
    void workspacesApiV1_importWorkspaceTables_curlExample() {
        TestUser user = user("Analyst");
        String source = workspace(user, "Source");
        project(user, source, "Carried over", "user");
        String exported = Py.item(exportWorkspaceTablesPy(user, source), "data").toString();
        String target = workspace(user, "Target");

        // '{"export_data": {...}, "workspace_id": "ws_67890", "scope": "user"}', the export in place of {...}
        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/workspaces/import-tables")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"export_data\": " + exported + ",\n\"workspace_id\": \"" + target + "\",\n"
                        + "\"scope\": \"user\"\n}")
                .prepare());

        assertThat(Py.item(v1Success(answer), "summary", "projects_imported").asInt())
                .isEqualTo(1);
        assertThat(loadWorkspace(user, target).path("project_count").asInt()).isEqualTo(1);
    }

    @Test
    void workspacesApiV1_importWorkspaceTables_pythonExample() {
        TestUser user = user("Analyst");
        String source = workspace(user, "Source");
        project(user, source, "Carried over", "user");
        project(user, source, "Carried over too", "user");
        // export_data from a previous export: what export_workspace_tables returned
        JsonNode exportData = exportWorkspaceTablesPy(user, source);
        String target = workspace(user, "Target");

        // import_workspace_tables(base_url, token, export_data, "ws_67890")
        Map<String, Object> data = Py.dict("export_data", exportData, "workspace_id", target, "scope", "user");
        JsonNode result = postJsonPy(baseUrl() + "/workspaces/import-tables", user.token(), data);

        // print(f"Imported {result['data']['summary']['projects_imported']} projects")
        assertThat(Py.item(result, "data", "summary", "projects_imported").asInt())
                .isEqualTo(2);
        assertThat(loadWorkspace(user, target).path("project_count").asInt()).isEqualTo(2);
    }
}
