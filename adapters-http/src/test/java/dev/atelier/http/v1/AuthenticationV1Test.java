package dev.atelier.http.v1;

import static dev.atelier.http.v1.V1Assertions.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every v1 endpoint answers 401 in the envelope without a key or with a bad one. */
class AuthenticationV1Test {
    private final AtelierServer server = AtelierServer.shared();

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/projects/workspace_id/save",
        "POST, /api/v1/projects/save",
        "GET, /api/v1/projects/workspace_id/list",
        "GET, /api/v1/projects/list",
        "GET, /api/v1/projects/workspace_id/load?project_id=x",
        "GET, /api/v1/projects/load?project_id=x",
        "POST, /api/v1/projects/workspace_id/copy",
        "POST, /api/v1/projects/copy",
        "POST, /api/v1/projects/workspace_id/cleanup",
        "POST, /api/v1/projects/cleanup",
        "POST, /api/v1/workspaces/save",
        "GET, /api/v1/workspaces/list",
        "GET, /api/v1/workspaces/default/load",
        "POST, /api/v1/admin/users",
        "POST, /api/v1/admin/users/someone/keys",
        "DELETE, /api/v1/admin/keys/somekey"
    })
    void refuses_requests_without_or_with_a_bad_key(String method, String path) {
        for (String authorization : new String[] {
            null, "Bearer ", "Bearer wrong-key", "Bearer " + "x".repeat(600), "Token " + AtelierServer.ADMIN_TOKEN
        }) {
            HttpRequest.Builder builder = server.request(path, null)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"project\": {\"name\": \"x\"}}"));
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            Reply reply = server.send(builder.build());
            error(reply, 401);
            assertThat(reply.body()).doesNotContain("wrong-key").doesNotContain(AtelierServer.ADMIN_TOKEN);
        }
    }
}
