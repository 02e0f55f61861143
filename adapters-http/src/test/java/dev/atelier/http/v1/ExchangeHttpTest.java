package dev.atelier.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Export, import, copy, workspace tables and templates over HTTP. */
class ExchangeHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtelierServer server = AtelierServer.shared();

    private String newProject(TestUser user, String workspace, String name) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", name);
        project.put("description", "Project for analyzing financial risk factors");
        project.put("metadata", Map.of("department", "risk_management", "priority", "high"));
        Reply reply = server.post("/api/v1/projects/" + workspace + "/save", user.token(), Map.of("project", project));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("project_id").asText();
    }

    private String newWorkspace(TestUser user, String name) {
        Reply reply = server.post(
                "/api/v1/workspaces/save",
                user.token(),
                Map.of("name", name, "description", "for exchange tests", "metadata", Map.of("k", "v")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("workspace_id").asText();
    }

    private static void assertEnvelopeError(Reply reply, int status, String fragment) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().path("status").asText()).isEqualTo("error");
        assertThat(reply.json().path("data").isNull()).isTrue();
        assertThat(reply.json().path("message").asText()).contains(fragment);
    }

    @Test
    void seed_001_export_then_import_with_the_workspace_in_the_path() {
        TestUser user = server.createUser("Exporter");
        String projectId = newProject(user, "workspace_id", "Financial Risk Analysis");

        Reply exported = server.post(
                "/api/v1/projects/workspace_id/export-project",
                user.token(),
                Map.of("project_id", projectId, "scope", "user"));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        assertThat(exported.json().path("status").asText()).isEqualTo("success");
        JsonNode export = exported.data();
        assertThat(export.path("summary").path("total_tables").asInt()).isEqualTo(5);
        assertThat(export.path("format").asText()).isEqualTo("atelier.project");
        assertThat(export.path("tables").path("projects").get(0).path("name").asText())
                .isEqualTo("Financial Risk Analysis");

        Reply imported = server.post(
                "/api/v1/projects/workspace_id/import-project",
                user.token(),
                Map.of("export_data", export, "scope", "user"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        String newId = imported.data().path("new_project_id").asText();
        assertThat(newId).isNotBlank().isNotEqualTo(projectId);
        assertThat(imported.data().path("project").path("name").asText()).isEqualTo("Financial Risk Analysis (2)");
        assertThat(imported.data()
                        .path("project")
                        .path("metadata")
                        .path("department")
                        .asText())
                .isEqualTo("risk_management");
    }

    @Test
    void export_and_import_without_the_workspace_in_the_path_and_with_it_in_the_body() {
        TestUser user = server.createUser("Newer SDK");
        String target = newWorkspace(user, "Target");
        String projectId = newProject(user, "default", "Churn");

        Reply exported = server.post("/api/v1/projects/export-project", user.token(), Map.of("project_id", projectId));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);

        Reply imported = server.post(
                "/api/v1/projects/import-project",
                user.token(),
                Map.of("export_data", exported.data(), "workspace_id", target));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.data().path("project").path("workspace_id").asText())
                .isEqualTo(target);
        assertThat(imported.data().path("project").path("name").asText()).isEqualTo("Churn");
    }

    @Test
    void seed_001_copy_across_workspaces_uses_the_exchange_core() {
        TestUser user = server.createUser("Copier");
        String source = newWorkspace(user, "Source");
        String target = newWorkspace(user, "Target");
        String projectId = newProject(user, source, "Financial Analysis");

        Reply copied = server.post(
                "/api/v1/projects/" + target + "/copy",
                user.token(),
                Map.of(
                        "project_id",
                        projectId,
                        "workspace_id",
                        source,
                        "new_project_name",
                        "Copy of Financial Analysis",
                        "target_scope",
                        "user"));

        assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
        assertThat(copied.data().path("new_project_id").asText()).isNotBlank().isNotEqualTo(projectId);
        assertThat(copied.data().path("project").path("name").asText()).isEqualTo("Copy of Financial Analysis");
        assertThat(copied.data().path("project").path("workspace_id").asText()).isEqualTo(target);
    }

    @Test
    void seed_004_export_tables_then_import_tables_into_another_workspace() {
        TestUser user = server.createUser("Tables");
        String source = newWorkspace(user, "Financial Analysis Workspace");
        newProject(user, source, "One");
        newProject(user, source, "Two");
        String target = newWorkspace(user, "Copy target");

        Reply exported =
                server.post("/api/v1/workspaces/" + source + "/export-tables", user.token(), Map.of("scope", "user"));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith("application/json");
        JsonNode export = exported.data();
        assertThat(export.path("summary").path("total_tables").asInt()).isEqualTo(6);
        assertThat(export.path("summary").path("projects").asInt()).isEqualTo(2);
        assertThat(export.path("workspace_id").asText()).isEqualTo(source);
        assertThat(export.has("extraction_timestamp")).isTrue();

        Reply imported = server.post(
                "/api/v1/workspaces/import-tables",
                user.token(),
                Map.of("export_data", export, "workspace_id", target, "scope", "user"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.data().path("summary").path("projects_imported").asInt())
                .isEqualTo(2);

        Reply list = server.get("/api/v1/projects/" + target + "/list?scopes=user", user.token());
        assertThat(list.data()).hasSize(2);
    }

    @Test
    void export_workspace_and_import_workspace_under_projects_in_both_forms() {
        TestUser user = server.createUser("Workspace mover");
        newProject(user, "workspace_id", "Alpha");
        String target = newWorkspace(user, "Target");

        Reply withPath =
                server.post("/api/v1/projects/workspace_id/export-workspace", user.token(), Map.of("scope", "user"));
        Reply withoutPath = server.post("/api/v1/projects/export-workspace", user.token(), Map.of());
        assertThat(withPath.status()).as(withPath.toString()).isEqualTo(200);
        assertThat(withoutPath.status()).as(withoutPath.toString()).isEqualTo(200);
        assertThat(withoutPath.data().path("workspace_id"))
                .isEqualTo(withPath.data().path("workspace_id"));

        Reply imported = server.post(
                "/api/v1/projects/" + target + "/import-workspace",
                user.token(),
                Map.of("export_data", withPath.data(), "scope", "user"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.data().path("summary").path("projects_imported").asInt())
                .isEqualTo(1);
        Reply again =
                server.post("/api/v1/projects/import-workspace", user.token(), Map.of("export_data", withPath.data()));
        assertThat(again.data().path("summary").path("projects_imported").asInt())
                .isEqualTo(1);
    }

    @Test
    void bad_exports_are_400_in_the_envelope_naming_the_problem_and_change_nothing() {
        TestUser user = server.createUser("Bad exports");
        String projectId = newProject(user, "workspace_id", "Original");
        JsonNode export = server.post("/api/v1/projects/export-project", user.token(), Map.of("project_id", projectId))
                .data();

        ObjectNode wrongVersion = export.deepCopy();
        wrongVersion.put("format_version", 2);
        assertEnvelopeError(
                server.post("/api/v1/projects/import-project", user.token(), Map.of("export_data", wrongVersion)),
                400,
                "format_version 2");

        ObjectNode missingTable = export.deepCopy();
        ((ObjectNode) missingTable.path("tables")).remove("project_members");
        assertEnvelopeError(
                server.post("/api/v1/projects/import-project", user.token(), Map.of("export_data", missingTable)),
                400,
                "missing project_members");

        ObjectNode wrongType = export.deepCopy();
        ((ObjectNode) wrongType.path("tables").path("projects").get(0)).put("name", 7);
        assertEnvelopeError(
                server.post("/api/v1/projects/import-project", user.token(), Map.of("export_data", wrongType)),
                400,
                "projects[0].name must be a string");

        ObjectNode dangling = export.deepCopy();
        ((ObjectNode) dangling.path("tables").path("project_params").get(0)).put("project_id", "ghost");
        assertEnvelopeError(
                server.post("/api/v1/projects/import-project", user.token(), Map.of("export_data", dangling)),
                400,
                "'ghost' does not refer");

        ObjectNode oversize = export.deepCopy();
        ((ObjectNode) oversize.path("tables").path("projects").get(0)).put("name", "n".repeat(201));
        assertEnvelopeError(
                server.post("/api/v1/projects/import-project", user.token(), Map.of("export_data", oversize)),
                400,
                "at most 200 characters");

        assertEnvelopeError(
                server.post("/api/v1/projects/import-project", user.token(), Map.of("export_data", "text")),
                400,
                "export_data must be an object");
        assertEnvelopeError(
                server.post("/api/v1/workspaces/import-tables", user.token(), Map.of("workspace_id", "default")),
                400,
                "export_data is required");

        Reply list = server.get("/api/v1/projects/list", user.token());
        assertThat(list.data()).hasSize(1);
    }

    @Test
    void exporting_another_users_project_is_404() {
        TestUser owner = server.createUser("Owner");
        TestUser stranger = server.createUser("Stranger");
        String projectId = newProject(owner, "workspace_id", "Private");

        assertEnvelopeError(
                server.post("/api/v1/projects/export-project", stranger.token(), Map.of("project_id", projectId)),
                404,
                "not found");
        assertEnvelopeError(
                server.post("/api/v1/workspaces/no-such-workspace/export-tables", stranger.token(), Map.of()),
                404,
                "not found");
    }

    @Test
    void templates_are_listed_and_imported_in_both_path_forms() {
        TestUser user = server.createUser("Templater");
        Reply list = server.get("/api/v1/projects/list-templates", user.token());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        ArrayNode templates = (ArrayNode) list.data();
        assertThat(templates.size()).isGreaterThanOrEqualTo(6);
        JsonNode first = templates.get(0);
        assertThat(first.has("id") && first.has("name") && first.has("description") && first.has("category"))
                .isTrue();
        assertThat(server.get("/api/v1/projects/workspace_id/list-templates", user.token())
                        .data())
                .isEqualTo(templates);

        Reply created = server.post(
                "/api/v1/projects/workspace_id/import-template",
                user.token(),
                Map.of("template_id", first.path("id").asText(), "new_project_name", "From template"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().path("name").asText()).isEqualTo("From template");
        assertThat(created.data().path("id").asText()).isNotBlank();

        Reply again = server.post(
                "/api/v1/projects/import-template",
                user.token(),
                Map.of("template_id", first.path("id").asText(), "project_scope", "organization"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.data().path("name").asText())
                .isEqualTo(first.path("name").asText());
        assertThat(again.data().path("scope").asText()).isEqualTo("organization");

        assertEnvelopeError(
                server.post("/api/v1/projects/import-template", user.token(), Map.of("template_id", "no-such")),
                404,
                "template no-such not found");
    }

    @Test
    void a_workspace_of_several_hundred_projects_streams_out_and_back_in_whole() {
        TestUser user = server.createUser("Bulk");
        String source = newWorkspace(user, "Bulk source");
        String target = newWorkspace(user, "Bulk target");
        int count = 400;
        java.util.List<Map<String, Object>> projects = new java.util.ArrayList<>();
        java.util.List<Map<String, Object>> params = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            projects.add(Map.of("id", "p" + i, "name", "bulk project " + i, "description", "d".repeat(500)));
            params.add(Map.of(
                    "project_id",
                    "p" + i,
                    "version",
                    0,
                    "params",
                    Map.of("i", i),
                    "created_at",
                    "2026-01-01T00:00:00Z"));
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("projects", projects);
        tables.put("project_params", params);
        tables.put("project_members", java.util.List.of());
        tables.put("project_documents", java.util.List.of());
        tables.put("project_events", java.util.List.of());
        Map<String, Object> generated = Map.of("format", "atelier.workspace", "format_version", 1, "tables", tables);
        Reply imported = server.post(
                "/api/v1/workspaces/import-tables",
                user.token(),
                Map.of("export_data", generated, "workspace_id", source));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.data().path("summary").path("projects_imported").asInt())
                .isEqualTo(count);

        Reply exported = server.post("/api/v1/workspaces/" + source + "/export-tables", user.token(), Map.of());
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body().length()).isGreaterThan(16 * 64 * 1024 / 4);
        assertThat(exported.data().path("tables").path("projects")).hasSize(count);
        assertThat(exported.data().path("summary").path("projects").asInt()).isEqualTo(count);

        Reply back = server.post(
                "/api/v1/projects/" + target + "/import-workspace",
                user.token(),
                Map.of("export_data", exported.data()));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.data().path("summary").path("projects_imported").asInt())
                .isEqualTo(count);
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
