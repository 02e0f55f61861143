package dev.atelier.http.v1;

import static dev.atelier.http.v1.V1Assertions.error;
import static dev.atelier.http.v1.V1Assertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users and API keys through the admin endpoints, with the bootstrap admin's token. */
class AdminV1Test {
    private static final String ADMIN = AtelierServer.ADMIN_TOKEN;
    private final AtelierServer server = AtelierServer.shared();

    private static String email() {
        return "u-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void the_admin_creates_a_user_whose_key_works() {
        Reply reply = server.post(
                "/api/v1/admin/users", ADMIN, Map.of("email", email(), "name", "New User", "organization", "acme"));
        JsonNode data = success(reply);
        assertThat(data.path("user_id").asText()).isNotBlank();
        String key = data.path("api_key").asText();
        assertThat(key).isNotBlank();
        success(server.get("/api/v1/projects/list", key));
        success(server.get("/api/v1/workspaces/list", key));
    }

    @Test
    void the_admin_issues_and_revokes_keys() {
        TestUser user = server.createUser("Key Holder");
        JsonNode issued = success(server.post("/api/v1/admin/users/" + user.id() + "/keys", ADMIN, Map.of()));
        String second = issued.path("api_key").asText();
        String keyId = issued.path("key_id").asText();
        assertThat(second).isNotEqualTo(user.token());
        success(server.get("/api/v1/projects/list", second));
        success(server.delete("/api/v1/admin/keys/" + keyId, ADMIN));
        error(server.get("/api/v1/projects/list", second), 401);
        success(server.get("/api/v1/projects/list", user.token()));
    }

    @Test
    void a_created_admin_may_administer() {
        Reply reply = server.post(
                "/api/v1/admin/users", ADMIN, Map.of("email", email(), "name", "Second Admin", "admin", true));
        String key = success(reply).path("api_key").asText();
        success(server.post("/api/v1/admin/users", key, Map.of("email", email(), "name", "By Second Admin")));
    }

    @Test
    void a_non_admin_is_forbidden() {
        TestUser user = server.createUser("Plain");
        error(server.post("/api/v1/admin/users", user.token(), Map.of("email", email(), "name", "Nope")), 403);
        error(server.post("/api/v1/admin/users/" + user.id() + "/keys", user.token(), Map.of()), 403);
        error(server.delete("/api/v1/admin/keys/whatever", user.token()), 403);
    }

    @Test
    void bad_user_input_is_400_and_a_duplicate_email_409() {
        error(server.post("/api/v1/admin/users", ADMIN, Map.of("name", "No Email")), 400);
        error(server.post("/api/v1/admin/users", ADMIN, Map.of("email", "not-an-email", "name", "X")), 400);
        error(server.post("/api/v1/admin/users", ADMIN, Map.of("email", email())), 400);
        error(server.post("/api/v1/admin/users", ADMIN, Map.of("email", email(), "name", "n".repeat(201))), 400);
        error(
                server.postRaw(
                        "/api/v1/admin/users", ADMIN, "{\"email\": \"a@b.c\", \"name\": \"x\", \"admin\": \"yes\"}"),
                400);
        error(server.postRaw("/api/v1/admin/users", ADMIN, "{\"email\": "), 400);
        String taken = email();
        success(server.post("/api/v1/admin/users", ADMIN, Map.of("email", taken, "name", "First")));
        error(server.post("/api/v1/admin/users", ADMIN, Map.of("email", taken.toUpperCase(), "name", "Second")), 409);
    }

    @Test
    void unknown_users_and_keys_are_404() {
        error(server.post("/api/v1/admin/users/no-such-user/keys", ADMIN, Map.of()), 404);
        error(server.delete("/api/v1/admin/keys/no-such-key", ADMIN), 404);
        Reply invalid = server.post("/api/v1/admin/users/bad%20id!/keys", ADMIN, Map.of());
        error(invalid, 400);
    }

    @Test
    void the_admin_lists_users_with_their_keys_and_never_a_secret() {
        TestUser user = server.createUser("Listed User");
        JsonNode issued = success(server.post("/api/v1/admin/users/" + user.id() + "/keys", ADMIN, Map.of()));
        success(server.delete("/api/v1/admin/keys/" + issued.path("key_id").asText(), ADMIN));

        JsonNode found = null;
        long total = 0;
        for (int offset = 0; found == null; offset += 200) {
            JsonNode data = success(server.get("/api/v1/admin/users?limit=200&offset=" + offset, ADMIN));
            total = data.path("total").asLong();
            assertThat(data.path("users").size())
                    .as("a page before the user is found")
                    .isPositive();
            for (JsonNode u : data.path("users")) {
                if (u.path("id").asText().equals(user.id())) {
                    found = u;
                }
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(found.path("email").asText()).isEqualTo(user.email());
        assertThat(found.path("keys")).hasSize(2);
        assertThat(found.path("keys").findValuesAsText("key_id"))
                .contains(issued.path("key_id").asText());
        assertThat(found.path("keys").findValues("revoked").stream().map(JsonNode::asBoolean))
                .containsExactlyInAnyOrder(false, true);
        assertThat(found.toString()).doesNotContain(user.token()).doesNotContain("secret");
        error(server.get("/api/v1/admin/users?limit=0", ADMIN), 400);
        error(server.get("/api/v1/admin/users", user.token()), 403);
    }

    @Test
    void the_admin_sees_the_version_database_and_analyzer_the_server_runs_with() {
        JsonNode data = success(server.get("/api/v1/admin/server", ADMIN));

        assertThat(data.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(data.path("database").asText()).isEqualTo("H2");
        assertThat(data.path("database_version").asText()).isNotBlank();
        assertThat(data.path("analyzer").path("provider").asText()).isEqualTo("offline");
        assertThat(data.path("analyzer").path("model").asText()).isEqualTo("all-MiniLM-L6-v2-q");
        error(server.get("/api/v1/admin/server", server.createUser("Curious").token()), 403);
    }

    @Test
    void me_names_the_owner_of_the_presented_key() {
        TestUser user = server.createUser("Myself", "acme");

        JsonNode me = success(server.get("/api/v1/me", user.token())).path("user");

        assertThat(me.path("id").asText()).isEqualTo(user.id());
        assertThat(me.path("email").asText()).isEqualTo(user.email());
        assertThat(me.path("organization").asText()).isEqualTo("acme");
        assertThat(me.path("admin").asBoolean()).isFalse();
        assertThat(success(server.get("/api/v1/me", ADMIN))
                        .path("user")
                        .path("admin")
                        .asBoolean())
                .isTrue();
        error(server.get("/api/v1/me", null), 401);
    }
}
