package dev.atelier.http.v1;

import static dev.atelier.http.v1.V1Assertions.error;
import static dev.atelier.http.v1.V1Assertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input for every v1 projects endpoint: a 4xx in the envelope with a
 * message that says what is wrong, and nothing changed.
 */
class ProjectsV1BadInputTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser user = server.createUser("Bad Input");
    private String existing;

    @BeforeEach
    void one_project_exists() {
        existing = success(server.post(
                        "/api/v1/projects/save",
                        user.token(),
                        Map.of("project", Map.of("name", "Existing", "metadata", Map.of("v", 1)))))
                .path("project_id")
                .asText();
    }

    /** The caller still has exactly the one project, unchanged. */
    private void nothing_changed() {
        JsonNode list = success(server.get("/api/v1/projects/list?scopes=user,organization,shared", user.token()));
        assertThat(list).hasSize(1);
        JsonNode project = success(server.get("/api/v1/projects/load?project_id=" + existing, user.token()));
        assertThat(project.path("name").asText()).isEqualTo("Existing");
        assertThat(project.path("metadata").path("v").asInt()).isEqualTo(1);
        assertThat(project.path("version").asLong()).isZero();
    }

    private Reply saveRaw(String json) {
        return server.postRaw("/api/v1/projects/workspace_id/save", user.token(), json);
    }

    // ---- save -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{\"project\": {\"name\": ", "{\"project\": {name: \"x\"}}", "not json", "{} {}"})
    void save_rejects_malformed_json(String json) {
        assertThat(error(saveRaw(json), 400)).containsIgnoringCase("JSON");
        nothing_changed();
    }

    @Test
    void save_rejects_a_missing_body() {
        Reply reply = server.send(server.request("/api/v1/projects/save", user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(error(reply, 400)).contains("project");
        nothing_changed();
    }

    @Test
    void save_rejects_a_body_without_project() {
        assertThat(error(saveRaw("{\"name\": \"top level\"}"), 400)).contains("project");
        nothing_changed();
    }

    @Test
    void save_rejects_a_project_that_is_not_an_object() {
        assertThat(error(saveRaw("{\"project\": \"Existing\"}"), 400))
                .contains("project")
                .contains("object");
        nothing_changed();
    }

    @Test
    void save_rejects_a_name_that_is_not_a_string() {
        assertThat(error(saveRaw("{\"project\": {\"name\": 42}}"), 400))
                .contains("project.name")
                .contains("string");
        nothing_changed();
    }

    @Test
    void save_rejects_metadata_that_is_not_an_object() {
        assertThat(error(saveRaw("{\"project\": {\"name\": \"m\", \"metadata\": [1, 2]}}"), 400))
                .contains("metadata");
        nothing_changed();
    }

    @Test
    void save_rejects_a_missing_name_for_a_new_project() {
        assertThat(error(saveRaw("{\"project\": {\"description\": \"no name\"}}"), 400))
                .contains("name");
        nothing_changed();
    }

    @Test
    void save_rejects_a_name_longer_than_200_characters() {
        Reply reply =
                server.post("/api/v1/projects/save", user.token(), Map.of("project", Map.of("name", "n".repeat(201))));
        assertThat(error(reply, 400)).contains("name").contains("200");
        Reply update = server.post(
                "/api/v1/projects/save",
                user.token(),
                Map.of("project", Map.of("id", existing, "name", "n".repeat(201))));
        error(update, 400);
        nothing_changed();
    }

    @Test
    void save_rejects_metadata_larger_than_64_kib() {
        Map<String, Object> metadata = Map.of("blob", "x".repeat(70 * 1024));
        Reply reply = server.post(
                "/api/v1/projects/save", user.token(), Map.of("project", Map.of("name", "Big", "metadata", metadata)));
        assertThat(error(reply, 400)).contains("metadata");
        Reply update = server.post(
                "/api/v1/projects/save", user.token(), Map.of("project", Map.of("id", existing, "metadata", metadata)));
        error(update, 400);
        nothing_changed();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bad id!",
                "../../etc/passwd",
                "a-very-long-id-that-goes-on-and-on-and-on-beyond-sixty-four-characters-x"
            })
    void save_rejects_an_invalid_id(String id) {
        Reply reply =
                server.post("/api/v1/projects/save", user.token(), Map.of("project", Map.of("id", id, "name", "Bad")));
        assertThat(error(reply, 400)).contains("id");
        nothing_changed();
    }

    @Test
    void save_rejects_an_unknown_scope() {
        Reply reply = server.post(
                "/api/v1/projects/save", user.token(), Map.of("project", Map.of("name", "Scoped", "scope", "galaxy")));
        assertThat(error(reply, 400)).contains("scope");
        nothing_changed();
    }

    @Test
    void save_rejects_a_duplicate_name_with_409() {
        Reply reply = server.post("/api/v1/projects/save", user.token(), Map.of("project", Map.of("name", "Existing")));
        assertThat(error(reply, 409)).contains("Existing");
        nothing_changed();
    }

    @Test
    void save_ignores_unknown_fields_like_sdks_send() {
        String json = "{\"project\": {\"name\": \"Extra\", \"colour\": \"blue\"}, \"client\": \"sdk\"}";
        success(saveRaw(json));
        assertThat(success(server.get("/api/v1/projects/list", user.token()))).hasSize(2);
    }

    @Test
    void save_into_an_unknown_workspace_is_404() {
        Reply reply = server.post(
                "/api/v1/projects/no-such-workspace/save", user.token(), Map.of("project", Map.of("name", "Lost")));
        assertThat(error(reply, 404)).contains("workspace");
        nothing_changed();
    }

    // ---- list -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=-1",
                "limit=0",
                "limit=501",
                "limit=99999999999999999999",
                "limit=abc",
                "offset=-1",
                "offset=99999999999999",
                "scopes=galaxy",
                "scopes=user,galaxy"
            })
    void list_rejects_bad_paging_and_unknown_scopes(String query) {
        Reply reply = server.get("/api/v1/projects/workspace_id/list?" + query, user.token());
        String field = query.substring(0, query.indexOf('='));
        assertThat(error(reply, 400)).contains(field);
        nothing_changed();
    }

    // ---- load -----------------------------------------------------------------------------

    @Test
    void load_without_project_id_is_400() {
        assertThat(error(server.get("/api/v1/projects/load", user.token()), 400))
                .contains("project_id");
    }

    @Test
    void load_of_an_invalid_or_unknown_id_is_404() {
        error(server.get("/api/v1/projects/load?project_id=%2E%2E%2Fetc", user.token()), 404);
        error(server.get("/api/v1/projects/load?project_id=does-not-exist", user.token()), 404);
    }

    @Test
    void load_with_an_unknown_scope_is_400() {
        Reply reply = server.get("/api/v1/projects/load?project_id=" + existing + "&scope=galaxy", user.token());
        assertThat(error(reply, 400)).contains("scope");
    }

    // ---- copy -----------------------------------------------------------------------------

    @Test
    void copy_without_project_id_is_400() {
        assertThat(error(server.post("/api/v1/projects/copy", user.token(), Map.of("new_project_name", "x")), 400))
                .contains("project_id");
        nothing_changed();
    }

    @Test
    void copy_with_malformed_json_is_400() {
        error(server.postRaw("/api/v1/projects/copy", user.token(), "{\"project_id\": "), 400);
        nothing_changed();
    }

    @Test
    void copy_with_a_wrong_type_is_400_naming_the_field() {
        Reply reply = server.postRaw("/api/v1/projects/copy", user.token(), "{\"project_id\": [\"" + existing + "\"]}");
        assertThat(error(reply, 400)).contains("project_id");
        nothing_changed();
    }

    @Test
    void copy_with_a_name_longer_than_200_characters_is_400() {
        Reply reply = server.post(
                "/api/v1/projects/copy",
                user.token(),
                Map.of("project_id", existing, "new_project_name", "n".repeat(201)));
        assertThat(error(reply, 400)).contains("new_project_name");
        nothing_changed();
    }

    @Test
    void a_template_import_with_a_name_longer_than_200_characters_is_400_naming_the_field() {
        Reply reply = server.post(
                "/api/v1/projects/import-template",
                user.token(),
                Map.of("template_id", "customer-churn-prediction", "new_project_name", "n".repeat(201)));
        assertThat(error(reply, 400)).contains("new_project_name");
        nothing_changed();
    }

    @Test
    void a_template_import_without_a_template_id_is_400_naming_the_field() {
        Reply reply = server.post(
                "/api/v1/projects/import-template", user.token(), Map.of("new_project_name", "From nothing"));
        assertThat(error(reply, 400)).contains("template_id");
        nothing_changed();
    }

    @Test
    void copy_with_an_unknown_target_scope_is_400() {
        Reply reply = server.post(
                "/api/v1/projects/copy", user.token(), Map.of("project_id", existing, "target_scope", "galaxy"));
        assertThat(error(reply, 400)).contains("scope");
        nothing_changed();
    }

    @Test
    void copy_of_an_unknown_project_or_into_an_unknown_workspace_is_404() {
        error(server.post("/api/v1/projects/copy", user.token(), Map.of("project_id", "nope")), 404);
        error(server.post("/api/v1/projects/nowhere/copy", user.token(), Map.of("project_id", existing)), 404);
        error(
                server.post(
                        "/api/v1/projects/copy",
                        user.token(),
                        Map.of("project_id", existing, "workspace_id", "elsewhere")),
                404);
        nothing_changed();
    }

    // ---- cleanup --------------------------------------------------------------------------

    @Test
    void cleanup_without_project_object_is_400() {
        assertThat(error(server.postRaw("/api/v1/projects/cleanup", user.token(), "{}"), 400))
                .contains("project");
        nothing_changed();
    }

    @Test
    void cleanup_with_malformed_json_is_400() {
        error(server.postRaw("/api/v1/projects/cleanup", user.token(), "{\"project\": {\"id\": }"), 400);
        nothing_changed();
    }

    @Test
    void cleanup_with_a_wrong_type_is_400_naming_the_field() {
        Reply reply = server.postRaw("/api/v1/projects/cleanup", user.token(), "{\"project\": {\"id\": 5}}");
        assertThat(error(reply, 400)).contains("project.id");
        nothing_changed();
    }

    @Test
    void cleanup_with_an_unknown_scope_is_400() {
        Reply reply =
                server.post("/api/v1/projects/cleanup", user.token(), Map.of("project", Map.of("scope", "galaxy")));
        assertThat(error(reply, 400)).contains("scope");
        nothing_changed();
    }

    @Test
    void cleanup_in_an_unknown_workspace_is_404() {
        error(server.post("/api/v1/projects/elsewhere/cleanup", user.token(), Map.of("project", Map.of())), 404);
        nothing_changed();
    }

    // ---- transport ------------------------------------------------------------------------

    @Test
    void a_json_body_over_the_document_limit_is_413() {
        // atelier.json.max-document-length: 16 MiB (uploads may be larger: 100 MiB per request)
        StringBuilder metadata = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            metadata.append(i == 0 ? "" : ",")
                    .append("\"k")
                    .append(i)
                    .append("\": \"")
                    .append("x".repeat(1024 * 1024))
                    .append('"');
        }
        String huge = "{\"project\": {\"name\": \"big\", \"metadata\": {" + metadata + "}}}";
        Reply reply = saveRaw(huge);
        assertThat(reply.status()).isEqualTo(413);
        nothing_changed();
    }

    @Test
    void a_non_json_content_type_is_415() {
        Reply reply = server.send(server.request("/api/v1/projects/save", user.token())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("project=x"))
                .build());
        error(reply, 415);
        nothing_changed();
    }
}
