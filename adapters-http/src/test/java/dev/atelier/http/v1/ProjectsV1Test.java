package dev.atelier.http.v1;

import static dev.atelier.http.v1.V1Assertions.TIMESTAMP;
import static dev.atelier.http.v1.V1Assertions.error;
import static dev.atelier.http.v1.V1Assertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The v1 projects endpoints, called the way the API reference's examples call them. */
class ProjectsV1Test {
    private final AtelierServer server = AtelierServer.shared();
    private final String organization = "acme-" + java.util.UUID.randomUUID();
    private final TestUser alice = server.createUser("Alice", organization);

    private String save(String workspace, Map<String, Object> project) {
        String path = workspace == null ? "/api/v1/projects/save" : "/api/v1/projects/" + workspace + "/save";
        JsonNode data = success(server.post(path, alice.token(), Map.of("project", project)));
        return data.path("project_id").asText();
    }

    private List<String> names(String path, String token) {
        List<String> names = new ArrayList<>();
        success(server.get(path, token)).forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    @Test
    void saves_a_project_as_the_seed_curl_example_does() {
        String body = """
                {"project": {"name": "Financial Risk Analysis",
                  "description": "Project for analyzing financial risk factors",
                  "metadata": {"department": "risk_management", "priority": "high"}}}""";
        var reply = server.postRaw("/api/v1/projects/workspace_id/save", alice.token(), body);
        JsonNode data = success(reply);
        assertThat(reply.json().path("message").asText()).isEqualTo("Project saved successfully");
        String id = data.path("project_id").asText();
        assertThat(id).isNotBlank();
        JsonNode project = data.path("project");
        assertThat(project.path("id").asText()).isEqualTo(id);
        assertThat(project.path("name").asText()).isEqualTo("Financial Risk Analysis");
        assertThat(project.path("metadata").path("department").asText()).isEqualTo("risk_management");
        assertThat(project.path("scope").asText()).isEqualTo("user");
        assertThat(project.path("owner_id").asText()).isEqualTo(alice.id());
        assertThat(project.path("created_at").asText()).matches(TIMESTAMP);
    }

    @Test
    void loads_a_project_with_every_documented_field() {
        String id = save("workspace_id", Map.of("name", "Loaded", "description", "d", "metadata", Map.of("k", 1)));
        JsonNode project = success(
                server.get("/api/v1/projects/workspace_id/load?project_id=" + id + "&scope=user", alice.token()));
        for (String field : List.of(
                "id",
                "name",
                "description",
                "metadata",
                "scope",
                "workspace_id",
                "type",
                "status",
                "params",
                "created_at",
                "updated_at",
                "owner_id",
                "version")) {
            assertThat(project.has(field)).as(field).isTrue();
        }
        assertThat(project.path("name").asText()).isEqualTo("Loaded");
        assertThat(project.path("metadata").path("k").asInt()).isEqualTo(1);
        assertThat(project.path("status").asText()).isEqualTo("active");
        assertThat(project.path("params").isObject()).isTrue();
        assertThat(project.path("updated_at").asText()).matches(TIMESTAMP);
        JsonNode workspaces = success(server.get("/api/v1/workspaces/list", alice.token()));
        assertThat(workspaces.findValuesAsText("id"))
                .contains(project.path("workspace_id").asText());
    }

    @Test
    void both_path_forms_mean_the_default_workspace() {
        String a = save("workspace_id", Map.of("name", "In path alias"));
        String b = save(null, Map.of("name", "Without workspace"));
        String c = save("default", Map.of("name", "Default alias"));
        assertThat(names("/api/v1/projects/list", alice.token()))
                .contains("In path alias", "Without workspace", "Default alias");
        assertThat(names("/api/v1/projects/workspace_id/list?scopes=user", alice.token()))
                .contains("In path alias", "Without workspace", "Default alias");
        success(server.get("/api/v1/projects/load?project_id=" + a, alice.token()));
        success(server.get("/api/v1/projects/default/load?project_id=" + b, alice.token()));
        success(server.get("/api/v1/projects/workspace_id/load?project_id=" + c, alice.token()));
    }

    @Test
    void saving_with_an_existing_id_updates_the_project() {
        String id = save("workspace_id", Map.of("name", "Before"));
        String again = save("workspace_id", Map.of("id", id, "name", "After", "description", "changed"));
        assertThat(again).isEqualTo(id);
        JsonNode project = success(server.get("/api/v1/projects/load?project_id=" + id, alice.token()));
        assertThat(project.path("name").asText()).isEqualTo("After");
        assertThat(project.path("description").asText()).isEqualTo("changed");
        assertThat(project.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void a_caller_chosen_id_is_kept() {
        String id = save("workspace_id", Map.of("id", "proj_12345-" + alice.id().substring(0, 8), "name", "Chosen"));
        assertThat(id).startsWith("proj_12345-");
        success(server.get("/api/v1/projects/load?project_id=" + id + "&scope=user", alice.token()));
    }

    @Test
    void lists_with_limit_and_offset() {
        for (int i = 0; i < 5; i++) {
            save(null, Map.of("name", "Paged " + i));
        }
        assertThat(success(server.get("/api/v1/projects/list?limit=2", alice.token())))
                .hasSize(2);
        assertThat(success(server.get("/api/v1/projects/list?limit=2&offset=4", alice.token())))
                .hasSize(1);
        assertThat(success(server.get("/api/v1/projects/list?scopes=user,organization,shared", alice.token())))
                .hasSize(5);
    }

    @Test
    void organization_projects_are_listed_for_colleagues_only() {
        save(null, Map.of("name", "Shared with acme", "scope", "organization"));
        TestUser colleague = server.createUser("Colleague", organization);
        TestUser stranger = server.createUser("Stranger", "other");
        assertThat(names("/api/v1/projects/list?scopes=user,organization", colleague.token()))
                .contains("Shared with acme");
        assertThat(names("/api/v1/projects/list?scopes=user,organization", stranger.token()))
                .doesNotContain("Shared with acme");
        assertThat(names("/api/v1/projects/list?scopes=user", colleague.token()))
                .doesNotContain("Shared with acme");
    }

    @Test
    void copies_a_project_as_the_seed_python_example_does() {
        String id = save("workspace_id", Map.of("name", "Financial Analysis", "metadata", Map.of("a", "b")));
        Map<String, Object> body = new HashMap<>();
        body.put("project_id", id);
        body.put("workspace_id", "workspace_id");
        body.put("target_scope", "user");
        body.put("new_project_name", "Copy of Financial Analysis");
        var reply = server.post("/api/v1/projects/workspace_id/copy", alice.token(), body);
        JsonNode data = success(reply);
        String copyId = data.path("new_project_id").asText();
        assertThat(copyId).isNotBlank().isNotEqualTo(id);
        assertThat(data.path("project").path("name").asText()).isEqualTo("Copy of Financial Analysis");
        JsonNode copy = success(server.get("/api/v1/projects/load?project_id=" + copyId, alice.token()));
        assertThat(copy.path("metadata").path("a").asText()).isEqualTo("b");
        assertThat(names("/api/v1/projects/list", alice.token()))
                .contains("Financial Analysis", "Copy of Financial Analysis");
    }

    @Test
    void copies_into_another_workspace_keeping_the_name_unique() {
        String id = save(null, Map.of("name", "Traveller"));
        String target = success(server.post("/api/v1/workspaces/save", alice.token(), Map.of("name", "Target")))
                .path("workspace_id")
                .asText();
        JsonNode first =
                success(server.post("/api/v1/projects/" + target + "/copy", alice.token(), Map.of("project_id", id)));
        JsonNode second =
                success(server.post("/api/v1/projects/" + target + "/copy", alice.token(), Map.of("project_id", id)));
        assertThat(first.path("project").path("workspace_id").asText()).isEqualTo(target);
        assertThat(first.path("project").path("name").asText()).isEqualTo("Traveller");
        assertThat(second.path("project").path("name").asText()).isEqualTo("Traveller (2)");
        assertThat(names("/api/v1/projects/" + target + "/list", alice.token()))
                .containsExactlyInAnyOrder("Traveller", "Traveller (2)");
    }

    @Test
    void cleans_up_one_project_by_id() {
        String keep = save(null, Map.of("name", "Keep"));
        String drop = save(null, Map.of("name", "Drop"));
        var reply = server.post(
                "/api/v1/projects/workspace_id/cleanup",
                alice.token(),
                Map.of("project", Map.of("id", drop, "scope", "user")));
        assertThat(success(reply).path("deleted").asInt()).isEqualTo(1);
        assertThat(reply.json().path("message").asText()).isNotBlank();
        error(server.get("/api/v1/projects/load?project_id=" + drop, alice.token()), 404);
        success(server.get("/api/v1/projects/load?project_id=" + keep, alice.token()));
        // a second cleanup of the same id: nothing is there, and the answer says so
        var again = server.post("/api/v1/projects/cleanup", alice.token(), Map.of("project", Map.of("id", drop)));
        error(again, 404);
    }

    @Test
    void cleans_up_every_project_of_the_caller_in_the_scope() {
        save(null, Map.of("name", "One"));
        save(null, Map.of("name", "Two"));
        save(null, Map.of("name", "Org", "scope", "organization"));
        var reply = server.post(
                "/api/v1/projects/workspace_id/cleanup", alice.token(), Map.of("project", Map.of("scope", "user")));
        assertThat(success(reply).path("deleted").asInt()).isEqualTo(2);
        assertThat(names("/api/v1/projects/list?scopes=user,organization", alice.token()))
                .containsExactly("Org");
    }

    @Test
    void another_tenants_project_is_not_found_exactly_like_a_missing_one() {
        String id = save(null, Map.of("name", "Private"));
        TestUser mallory = server.createUser("Mallory", "evil");
        String foreign = error(server.get("/api/v1/projects/load?project_id=" + id, mallory.token()), 404);
        String missing = error(
                server.get("/api/v1/projects/load?project_id=0000000000000000000000000000dead", mallory.token()), 404);
        assertThat(foreign.replace(id, "X")).isEqualTo(missing.replace("0000000000000000000000000000dead", "X"));
        // neither cleanup, copy nor save can touch it; cleanup answers exactly as load does
        var cleanup = server.post("/api/v1/projects/cleanup", mallory.token(), Map.of("project", Map.of("id", id)));
        assertThat(error(cleanup, 404).replace(id, "X"))
                .isEqualTo(missing.replace("0000000000000000000000000000dead", "X"));
        error(server.post("/api/v1/projects/copy", mallory.token(), Map.of("project_id", id)), 404);
        var overwrite = server.post(
                "/api/v1/projects/save", mallory.token(), Map.of("project", Map.of("id", id, "name", "Pwned")));
        error(overwrite, 409);
        JsonNode project = success(server.get("/api/v1/projects/load?project_id=" + id, alice.token()));
        assertThat(project.path("name").asText()).isEqualTo("Private");
        assertThat(names("/api/v1/projects/list?scopes=user,organization,shared", mallory.token()))
                .doesNotContain("Private");
    }

    @Test
    void works_the_way_the_seed_000_sdk_workflow_does() {
        // save_project(project_name="test_project") -> project id
        String id = save("workspace_id", Map.of("name", "test_project", "scope", "user"));
        // list_projects() -> list of dicts
        assertThat(names("/api/v1/projects/workspace_id/list?scopes=user", alice.token()))
                .contains("test_project");
        // load_project(project_id) -> dict
        JsonNode loaded = success(
                server.get("/api/v1/projects/workspace_id/load?project_id=" + id + "&scope=user", alice.token()));
        assertThat(loaded.path("id").asText()).isEqualTo(id);
        // save_project(project_id=..., project_name="updated_name")
        save("workspace_id", Map.of("id", id, "name", "updated_name", "scope", "user"));
        // cleanup_projects(project_id=project_id)
        var cleaned = server.post(
                "/api/v1/projects/workspace_id/cleanup",
                alice.token(),
                Map.of("project", Map.of("id", id, "scope", "user")));
        assertThat(success(cleaned).path("deleted").asInt()).isEqualTo(1);
        // cleanup_projects() with nothing left
        var all = server.post(
                "/api/v1/projects/workspace_id/cleanup", alice.token(), Map.of("project", Map.of("scope", "user")));
        assertThat(success(all).path("deleted").asInt()).isZero();
    }
}
