package dev.atelier.http.v1;

import static dev.atelier.http.v1.V1Assertions.TIMESTAMP;
import static dev.atelier.http.v1.V1Assertions.error;
import static dev.atelier.http.v1.V1Assertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v1 workspaces endpoints as the API reference's examples call them, and their bad input. */
class WorkspacesV1Test {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser user = server.createUser("Workspace User");

    private List<String> names() {
        List<String> names = new ArrayList<>();
        success(server.get("/api/v1/workspaces/list?scope=user", user.token()))
                .forEach(w -> names.add(w.path("name").asText()));
        return names;
    }

    @Test
    void saves_a_workspace_as_the_seed_example_does() {
        String body = """
                {"name": "Financial Analysis Workspace",
                 "description": "Workspace for financial data analysis and reporting",
                 "metadata": {"department": "finance", "created_by": "analyst_team"}}""";
        Reply reply = server.postRaw("/api/v1/workspaces/save", user.token(), body);
        JsonNode data = success(reply);
        assertThat(reply.json().path("message").asText()).isEqualTo("Workspace saved successfully");
        String id = data.path("workspace_id").asText();
        assertThat(id).isNotBlank();
        JsonNode loaded = success(server.get("/api/v1/workspaces/" + id + "/load?scope=user", user.token()));
        assertThat(loaded.path("id").asText()).isEqualTo(id);
        assertThat(loaded.path("name").asText()).isEqualTo("Financial Analysis Workspace");
        assertThat(loaded.path("metadata").path("created_by").asText()).isEqualTo("analyst_team");
        assertThat(loaded.path("project_count").asLong()).isZero();
        assertThat(loaded.path("created_at").asText()).matches(TIMESTAMP);
    }

    @Test
    void lists_the_default_workspace_and_saved_ones() {
        success(server.post("/api/v1/workspaces/save", user.token(), Map.of("name", "Second")));
        List<String> names = names();
        assertThat(names).contains("Second").hasSize(2);
        JsonNode list = success(server.get("/api/v1/workspaces/list", user.token()));
        assertThat(list.findValuesAsText("is_default")).contains("true");
    }

    @Test
    void load_counts_the_projects_and_accepts_the_default_alias() {
        success(server.post("/api/v1/projects/save", user.token(), Map.of("project", Map.of("name", "P1"))));
        success(server.post("/api/v1/projects/save", user.token(), Map.of("project", Map.of("name", "P2"))));
        JsonNode loaded = success(server.get("/api/v1/workspaces/workspace_id/load", user.token()));
        assertThat(loaded.path("project_count").asLong()).isEqualTo(2);
        assertThat(loaded.path("is_default").asBoolean()).isTrue();
    }

    @Test
    void saving_with_the_id_updates_the_workspace() {
        String id = success(server.post("/api/v1/workspaces/save", user.token(), Map.of("name", "Old")))
                .path("workspace_id")
                .asText();
        JsonNode again = success(server.post("/api/v1/workspaces/save", user.token(), Map.of("id", id, "name", "New")));
        assertThat(again.path("workspace_id").asText()).isEqualTo(id);
        assertThat(names()).contains("New").doesNotContain("Old");
    }

    @Test
    void another_users_workspace_is_not_found() {
        String id = success(server.post("/api/v1/workspaces/save", user.token(), Map.of("name", "Mine")))
                .path("workspace_id")
                .asText();
        TestUser other = server.createUser("Other");
        error(server.get("/api/v1/workspaces/" + id + "/load", other.token()), 404);
        error(server.post("/api/v1/workspaces/save", other.token(), Map.of("id", id, "name", "Taken")), 409);
        assertThat(names()).contains("Mine");
    }

    // ---- bad input ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": ",
                "[]",
                "{\"name\": 5}",
                "{\"name\": \"x\", \"metadata\": \"flat\"}",
                "{\"description\": \"no name\"}",
                "{\"name\": \"x\", \"scope\": \"galaxy\"}",
                "{\"id\": \"bad id!\", \"name\": \"x\"}"
            })
    void save_rejects_bad_input_and_changes_nothing(String json) {
        List<String> before = names();
        error(server.postRaw("/api/v1/workspaces/save", user.token(), json), 400);
        assertThat(names()).isEqualTo(before);
    }

    @Test
    void save_rejects_a_name_longer_than_200_characters() {
        List<String> before = names();
        String message =
                error(server.post("/api/v1/workspaces/save", user.token(), Map.of("name", "w".repeat(201))), 400);
        assertThat(message).contains("name").contains("200");
        assertThat(names()).isEqualTo(before);
    }

    @Test
    void save_rejects_metadata_larger_than_64_kib() {
        List<String> before = names();
        Reply reply = server.post(
                "/api/v1/workspaces/save",
                user.token(),
                Map.of("name", "Big", "metadata", Map.of("blob", "x".repeat(70 * 1024))));
        assertThat(error(reply, 400)).contains("metadata");
        assertThat(names()).isEqualTo(before);
    }

    @Test
    void list_and_load_reject_an_unknown_scope() {
        assertThat(error(server.get("/api/v1/workspaces/list?scope=galaxy", user.token()), 400))
                .contains("scope");
        assertThat(error(server.get("/api/v1/workspaces/default/load?scope=galaxy", user.token()), 400))
                .contains("scope");
    }

    @Test
    void load_of_an_unknown_or_invalid_id_is_4xx() {
        error(server.get("/api/v1/workspaces/ws_12345/load", user.token()), 404);
        Reply invalid = server.get("/api/v1/workspaces/bad%20id!/load", user.token());
        assertThat(invalid.status()).isBetween(400, 404);
        error(invalid, invalid.status());
    }
}
