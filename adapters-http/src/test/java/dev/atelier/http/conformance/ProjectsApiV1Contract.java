package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Prometheux "Projects API" reference (REST, v1): each section's cURL example and Python
 * example, sent as they are written (the Python examples through their own helper functions, as
 * {@code requests} sends them) and read back the way each example reads the answer. Where an
 * example holds a placeholder ({@code proj_12345}, {@code {...}}, {@code target_workspace}), the
 * test uses real data of that shape: an existing project's id, a real export, a real workspace.
 */
abstract class ProjectsApiV1Contract extends ConformanceContract {
    private static final String JWT = "Authorization: Bearer ";

    /** The examples' {@code base_url}: {@code .../api/v1}. */
    private String baseUrl() {
        return base() + "/api/v1";
    }

    private static Map<String, Object> financialRiskProject() {
        Map<String, Object> metadata = Py.dict("department", "risk_management", "priority", "high");
        Map<String, Object> project = Py.dict(
                "name",
                "Financial Risk Analysis",
                "description",
                "Project for analyzing financial risk factors",
                "metadata",
                metadata);
        return project;
    }

    // ---- Save Project

    @Test
    void projectsApiV1_saveProject_curlExample() {
        TestUser user = user("Analyst");
        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/projects/workspace_id/save")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"project\": {\n\"name\": \"Financial Risk Analysis\",\n"
                        + "\"description\": \"Project for analyzing financial risk factors\",\n\"metadata\": {\n"
                        + "\"department\": \"risk_management\",\n\"priority\": \"high\"\n}\n}\n}")
                .prepare());

        String id = Py.str(v1Success(answer), "project_id");
        JsonNode saved = load(user, id);
        assertThat(saved.path("name").asText()).isEqualTo("Financial Risk Analysis");
        assertThat(saved.path("description").asText()).isEqualTo("Project for analyzing financial risk factors");
        assertThat(saved.path("metadata").path("department").asText()).isEqualTo("risk_management");
        assertThat(saved.path("metadata").path("priority").asText()).isEqualTo("high");
    }

    /** The document's {@code save_project(base_url, token, workspace_id, project_data)}. */
    private JsonNode saveProjectPy(String token, String workspaceId, Map<String, Object> projectData) {
        return postJsonPy(baseUrl() + "/projects/" + workspaceId + "/save", token, Map.of("project", projectData));
    }

    @Test
    void projectsApiV1_saveProject_pythonExample() {
        TestUser user = user("Analyst");

        JsonNode result = saveProjectPy(user.token(), "workspace_id", financialRiskProject());

        // print(f"Project saved with ID: {result['data']['project_id']}")
        String id = Py.str(result, "data", "project_id");
        assertThat(load(user, id).path("metadata").path("priority").asText()).isEqualTo("high");
    }

    // ---- List Projects

    @Test
    void projectsApiV1_listProjects_curlExample() {
        String organization = "acme-" + UUID.randomUUID();
        TestUser user = user("Analyst", organization);
        TestUser colleague = user("Colleague", organization);
        String mine = project(user, "Mine");
        String shared = project(colleague, "workspace_id", "Organization-wide", "organization");

        Answer answer = Answer.exchange(
                Curl.command("GET", base() + "/api/v1/projects/workspace_id/list?scopes=user,organization")
                        .header(JWT + user.token())
                        .prepare());

        assertThat(ids(v1Success(answer))).containsExactlyInAnyOrder(mine, shared);
    }

    private static List<String> ids(JsonNode projects) {
        List<String> ids = new ArrayList<>();
        for (JsonNode project : projects) {
            ids.add(Py.str(project, "id"));
        }
        return ids;
    }

    /** The document's {@code list_projects(base_url, token, workspace_id, scopes="user")}. */
    private JsonNode listProjectsPy(String token, String workspaceId, String scopes) {
        return Answer.exchange(PythonRequests.get(baseUrl() + "/projects/" + workspaceId + "/list")
                        .header("Authorization", "Bearer " + token)
                        .param("scopes", scopes)
                        .prepare())
                .json();
    }

    @Test
    void projectsApiV1_listProjects_pythonExample() {
        String organization = "acme-" + UUID.randomUUID();
        TestUser user = user("Analyst", organization);
        TestUser colleague = user("Colleague", organization);
        project(user, "Mine");
        project(colleague, "workspace_id", "Organization-wide", "organization");

        JsonNode projects = listProjectsPy(user.token(), "workspace_id", "user,organization");

        // for project in projects['data']: print(f"Project: {project['name']} (ID: {project['id']})")
        List<String> names = new ArrayList<>();
        for (JsonNode project : Py.item(projects, "data")) {
            names.add(Py.str(project, "name"));
            Py.str(project, "id");
        }
        assertThat(names).containsExactlyInAnyOrder("Mine", "Organization-wide");
    }

    // ---- Load Project

    @Test
    void projectsApiV1_loadProject_curlExample() {
        TestUser user = user("Analyst");
        String id = project(user, "Loaded");

        Answer answer = Answer.exchange(
                Curl.command("GET", base() + "/api/v1/projects/workspace_id/load?project_id=" + id + "&scope=user")
                        .header(JWT + user.token())
                        .prepare());

        JsonNode project = v1Success(answer);
        assertThat(Py.str(project, "id")).isEqualTo(id);
        assertThat(Py.str(project, "name")).isEqualTo("Loaded");
    }

    @Test
    void projectsApiV1_loadProject_pythonExample() {
        TestUser user = user("Analyst");
        String id = project(user, "Loaded");

        // load_project(base_url, token, workspace_id, project_id, scope="user")
        JsonNode project = Answer.exchange(PythonRequests.get(baseUrl() + "/projects/workspace_id/load")
                        .header("Authorization", "Bearer " + user.token())
                        .param("project_id", id)
                        .param("scope", "user")
                        .prepare())
                .json();

        // print(f"Loaded project: {project['data']['name']}")
        assertThat(Py.str(project, "data", "name")).isEqualTo("Loaded");
    }

    // ---- Create Project from Context

    private static final String CURL_CONTEXT =
            "Analyze customer purchase patterns and identify high-value segments " + "for targeted marketing campaigns";
    private static final String PYTHON_CONTEXT =
            "\nAnalyze customer purchase patterns and identify high-value segments\n"
                    + "for targeted marketing campaigns. Focus on seasonal trends and\n"
                    + "customer lifetime value calculations.\n";

    @Test
    void projectsApiV1_createProjectFromContext_curlExample() {
        TestUser user = user("Marketer");
        Answer answer =
                Answer.exchange(Curl.command("POST", base() + "/api/v1/projects/workspace_id/create-from-context")
                        .header(JWT + user.token())
                        .form("context", CURL_CONTEXT)
                        .form("scope", "user")
                        .formFile("files", "customer_data.csv", SampleFiles.customerData())
                        .formFile("files", "marketing_report.pdf", SampleFiles.marketingReport())
                        .prepare());

        JsonNode project = v1Success(answer);
        assertCreatedFromContext(user, project, List.of("customer_data.csv", "marketing_report.pdf"));
    }

    /**
     * The document's {@code create_project_from_context(base_url, token, workspace_id, context,
     * scope="user", files=None)}: {@code data={"context", "scope"}} and one {@code ('files', fh)} per
     * path; with no paths the list stays empty, and requests then sends a url-encoded form.
     */
    private JsonNode createProjectFromContextPy(String token, String workspaceId, String context, boolean withFiles) {
        PythonRequests request = PythonRequests.post(baseUrl() + "/projects/" + workspaceId + "/create-from-context")
                .header("Authorization", "Bearer " + token)
                .data("context", context)
                .data("scope", "user");
        if (withFiles) {
            request.file("files", "customer_data.csv", SampleFiles.customerData())
                    .file("files", "marketing_report.pdf", SampleFiles.marketingReport());
        }
        WireRequest wire = request.prepare();
        assertThat(wire.header("Content-Type"))
                .startsWith(withFiles ? "multipart/form-data; boundary=" : "application/x-www-form-urlencoded");
        return Answer.exchange(wire).json();
    }

    @Test
    void projectsApiV1_createProjectFromContext_pythonExample_withFiles() {
        TestUser user = user("Marketer");

        JsonNode result = createProjectFromContextPy(user.token(), "workspace_id", PYTHON_CONTEXT, true);

        // print(f"Created project: {result['data']['name']}")
        Py.str(result, "data", "name");
        assertCreatedFromContext(user, Py.item(result, "data"), List.of("customer_data.csv", "marketing_report.pdf"));
    }

    @Test
    void projectsApiV1_createProjectFromContext_pythonExample_withoutFiles() {
        TestUser user = user("Marketer");

        JsonNode result = createProjectFromContextPy(user.token(), "workspace_id", PYTHON_CONTEXT, false);

        // print(f"Created project: {result['data']['name']}")
        Py.str(result, "data", "name");
        assertCreatedFromContext(user, Py.item(result, "data"), List.of());
    }

    private void assertCreatedFromContext(TestUser user, JsonNode project, List<String> filenames) {
        String name = Py.str(project, "name");
        assertThat(name).isNotBlank().doesNotStartWith("Analyze customer purchase");
        assertThat(Py.str(project, "scope")).isEqualTo("user");
        List<String> documents = new ArrayList<>();
        for (JsonNode document : Py.item(project, "documents")) {
            documents.add(Py.str(document, "filename"));
        }
        assertThat(documents).containsExactlyElementsOf(filenames);
        assertThat(Py.item(project, "analysis", "provider").asText()).isNotBlank();
        assertThat(load(user, Py.str(project, "id")).path("name").asText()).isEqualTo(name);
    }

    // ---- Export Project

    @Test
    void projectsApiV1_exportProject_curlExample() {
        TestUser user = user("Analyst");
        String id = project(user, "Exported");

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/projects/workspace_id/export-project")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"project_id\": \"" + id + "\",\n\"scope\": \"user\"\n}")
                .prepare());

        JsonNode export = v1Success(answer);
        assertThat(Py.item(export, "summary", "total_tables").asInt()).isPositive();
        assertThat(Py.str(export, "project", "name")).isEqualTo("Exported");
    }

    /** The document's {@code export_project(base_url, token, workspace_id, project_id, scope="user")}. */
    private JsonNode exportProjectPy(String token, String workspaceId, String projectId) {
        Map<String, Object> data = Py.dict("project_id", projectId, "scope", "user");
        return postJsonPy(baseUrl() + "/projects/" + workspaceId + "/export-project", token, data);
    }

    @Test
    void projectsApiV1_exportProject_pythonExample() {
        TestUser user = user("Analyst");
        String id = project(user, "Exported");

        JsonNode exportData = exportProjectPy(user.token(), "workspace_id", id);

        // print(f"Exported {export_data['data']['summary']['total_tables']} tables")
        assertThat(Py.item(exportData, "data", "summary", "total_tables").isInt())
                .isTrue();
        // json.dump(export_data['data'], f): what the import example reads back
        assertThat(Py.item(exportData, "data").isObject()).isTrue();
    }

    // ---- Import Project

    @Test
    void projectsApiV1_importProject_curlExample() {
        TestUser user = user("Analyst");
        String exported = server().post(
                        "/api/v1/projects/workspace_id/export-project",
                        user.token(),
                        Map.of("project_id", project(user, "Moved"), "scope", "user"))
                .data()
                .toString();

        // '{ "export_data": {...}, "scope": "user" }' with the export pasted in place of {...}
        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/projects/workspace_id/import-project")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"export_data\": " + exported + ",\n\"scope\": \"user\"\n}")
                .prepare());

        String newId = Py.str(v1Success(answer), "new_project_id");
        assertThat(load(user, newId).path("name").asText()).startsWith("Moved");
    }

    /** The document's {@code import_project(base_url, token, workspace_id, export_data, scope="user")}. */
    private JsonNode importProjectPy(String token, String workspaceId, JsonNode exportData) {
        Map<String, Object> data = Py.dict("export_data", exportData, "scope", "user");
        return postJsonPy(baseUrl() + "/projects/" + workspaceId + "/import-project", token, data);
    }

    @Test
    void projectsApiV1_importProject_pythonExample() {
        TestUser user = user("Analyst");
        String targetWorkspace = workspace(user, "Target");
        // json.load(open("project_export.json")): the data the export example saved
        JsonNode exportData = Py.item(exportProjectPy(user.token(), "workspace_id", project(user, "Moved")), "data");

        JsonNode result = importProjectPy(user.token(), targetWorkspace, exportData);

        // print(f"Imported project with new ID: {result['data']['new_project_id']}")
        String newId = Py.str(result, "data", "new_project_id");
        assertThat(load(user, newId).path("workspace_id").asText()).isEqualTo(targetWorkspace);
    }

    // ---- Copy Project

    @Test
    void projectsApiV1_copyProject_curlExample() {
        TestUser user = user("Analyst");
        String source = workspace(user, "Source");
        String target = workspace(user, "Target");
        String id = project(user, source, "Financial Analysis", "user");

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/projects/" + target + "/copy")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"project_id\": \"" + id + "\",\n\"workspace_id\": \"" + source + "\",\n"
                        + "\"new_project_name\": \"Copy of Financial Analysis\",\n\"target_scope\": \"user\"\n}")
                .prepare());

        JsonNode copy = load(user, Py.str(v1Success(answer), "new_project_id"));
        assertThat(copy.path("name").asText()).isEqualTo("Copy of Financial Analysis");
        assertThat(copy.path("workspace_id").asText()).isEqualTo(target);
    }

    @Test
    void projectsApiV1_copyProject_pythonExample() {
        TestUser user = user("Analyst");
        String source = workspace(user, "Source");
        String target = workspace(user, "Target");
        String id = project(user, source, "Financial Analysis", "user");

        // copy_project(base_url, token, "target_workspace", "proj_12345", "source_workspace",
        //              "Copy of Financial Analysis")
        Map<String, Object> data = Py.dict(
                "project_id",
                id,
                "workspace_id",
                source,
                "target_scope",
                "user",
                "new_project_name",
                "Copy of Financial Analysis");
        JsonNode result = postJsonPy(baseUrl() + "/projects/" + target + "/copy", user.token(), data);

        // print(f"Project copied with new ID: {result['data']['new_project_id']}")
        JsonNode copy = load(user, Py.str(result, "data", "new_project_id"));
        assertThat(copy.path("name").asText()).isEqualTo("Copy of Financial Analysis");
        assertThat(copy.path("workspace_id").asText()).isEqualTo(target);
        assertThat(load(user, id)).as("the original stays").isNotNull();
    }

    // ---- Cleanup Projects

    @Test
    void projectsApiV1_cleanupProjects_curlExample() {
        TestUser user = user("Analyst");
        String id = project(user, "Doomed");
        String other = project(user, "Kept");

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/v1/projects/workspace_id/cleanup")
                .header("Content-Type: application/json")
                .header(JWT + user.token())
                .data("{\n\"project\": {\n\"id\": \"" + id + "\",\n\"scope\": \"user\"\n}\n}")
                .prepare());

        assertThat(Py.item(v1Success(answer), "deleted").asInt()).isEqualTo(1);
        assertThat(load(user, id)).isNull();
        assertThat(load(user, other)).isNotNull();
    }

    /** The document's {@code cleanup_projects(base_url, token, workspace_id, project_id=None, scope="user")}. */
    private JsonNode cleanupProjectsPy(String token, String workspaceId, String projectId) {
        Map<String, Object> project = new LinkedHashMap<>();
        if (projectId != null) {
            project.put("id", projectId);
        }
        project.put("scope", "user");
        return postJsonPy(baseUrl() + "/projects/" + workspaceId + "/cleanup", token, Map.of("project", project));
    }

    @Test
    void projectsApiV1_cleanupProjects_pythonExample_specificProject() {
        TestUser user = user("Analyst");
        String id = project(user, "Doomed");
        String other = project(user, "Kept");

        JsonNode result = cleanupProjectsPy(user.token(), "workspace_id", id);

        assertThat(Py.str(result, "status")).isEqualTo("success");
        assertThat(load(user, id)).isNull();
        assertThat(load(user, other)).isNotNull();
    }

    @Test
    void projectsApiV1_cleanupProjects_pythonExample_allUserProjects() {
        TestUser user = user("Analyst");
        TestUser bystander = user("Bystander");
        String one = project(user, "One");
        String two = project(user, "Two");
        String organizationWide = project(user, "workspace_id", "Organization-wide", "organization");
        String theirs = project(bystander, "Theirs");

        JsonNode result = cleanupProjectsPy(user.token(), "workspace_id", null);

        // print(result['message'])
        assertThat(Py.str(result, "message")).isEqualTo("2 projects deleted");
        assertThat(load(user, one)).isNull();
        assertThat(load(user, two)).isNull();
        assertThat(load(user, organizationWide)).as("scope user only").isNotNull();
        assertThat(load(bystander, theirs)).as("only the caller's").isNotNull();
    }
}
