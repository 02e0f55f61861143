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
}
