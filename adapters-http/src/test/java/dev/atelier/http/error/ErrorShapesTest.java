package dev.atelier.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ErrorShapesTest {
    private final AtelierServer server = AtelierServer.shared();

    @Test
    void health_is_public() {
        Reply reply = server.get("/health", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void a_v1_request_without_credentials_gets_401_in_the_envelope() {
        Reply reply = server.get("/api/v1/projects/list", null);
        assertThat(reply.status()).isEqualTo(401);
        assertEnvelopeError(reply.json());
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_v1_request_with_an_unknown_key_gets_401() {
        Reply reply = server.get("/api/v1/projects/list", "ak_nope.not-a-real-secret");
        assertThat(reply.status()).isEqualTo(401);
        assertEnvelopeError(reply.json());
        assertThat(reply.json().path("message").asText()).doesNotContain("not-a-real-secret");
    }

    @Test
    void the_resource_dialect_answers_401_as_problem_details() {
        Reply reply = server.get("/api/projects", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(body.path("type").asText()).isEqualTo("about:blank");
        assertThat(body.path("detail").asText()).contains("credentials");
    }

    @Test
    void the_labeling_dialect_answers_401_with_an_error_field() {
        Reply reply = server.get("/v1/projects", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asText()).contains("credentials");
        assertThat(reply.json().size()).isEqualTo(1);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void basic_auth_with_the_key_as_user_name_authenticates() {
        Reply reply = server.send(server.request("/v1/projects/a/b/unknown-route-xyz", null)
                .header("Authorization", AtelierServer.basicAuth(AtelierServer.ADMIN_TOKEN))
                .GET()
                .build());
        // authenticated: the route does not exist, so 404 in the labeling shape (not 401)
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").asText()).contains("no such endpoint");
    }

    @Test
    void basic_auth_with_a_password_is_refused() {
        String header = "Basic "
                + java.util.Base64.getEncoder().encodeToString((AtelierServer.ADMIN_TOKEN + ":secret").getBytes());
        Reply reply = server.send(server.request("/v1/projects", null)
                .header("Authorization", header)
                .GET()
                .build());
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void an_unknown_v1_route_is_404_in_the_envelope() {
        Reply reply = server.get("/api/v1/nothing-here", AtelierServer.ADMIN_TOKEN);
        assertThat(reply.status()).isEqualTo(404);
        assertEnvelopeError(reply.json());
    }

    @Test
    void an_unknown_resource_route_is_404_as_problem_details() {
        Reply reply = server.get("/api/projects/x/y/z/nothing", AtelierServer.ADMIN_TOKEN);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void malformed_json_is_400_with_a_message_and_no_internals() {
        Reply reply = server.postRaw("/api/v1/admin/users", AtelierServer.ADMIN_TOKEN, "{\"email\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertEnvelopeError(reply.json());
        assertThat(reply.json().path("message").asText())
                .containsIgnoringCase("JSON")
                .doesNotContain("dev.atelier");
    }

    @Test
    void a_wrong_type_is_400_naming_the_field() {
        Reply reply = server.postRaw(
                "/api/v1/admin/users", AtelierServer.ADMIN_TOKEN, "{\"email\": \"a@b.c\", \"name\": 42}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("message").asText()).contains("name").contains("string");
    }

    @Test
    void a_wrong_method_is_405_in_the_envelope() {
        Reply reply = server.delete("/api/v1/admin/users", AtelierServer.ADMIN_TOKEN);
        assertThat(reply.status()).isEqualTo(405);
        assertEnvelopeError(reply.json());
        assertThat(reply.header("Allow")).contains("GET", "POST");
        assertThat(reply.json().path("message").asText())
                .isEqualTo("DELETE is not allowed on /api/v1/admin/users; use GET, HEAD, POST");
    }

    @Test
    void a_wrong_method_is_405_in_the_shape_of_each_dialect_in_our_words() {
        Reply resource = server.send(server.request("/api/projects", AtelierServer.ADMIN_TOKEN)
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(resource.status()).isEqualTo(405);
        assertThat(resource.header("Content-Type")).startsWith("application/problem+json");
        assertThat(resource.json().path("detail").asText())
                .startsWith("PATCH is not allowed on /api/projects; use ")
                .doesNotContain("Allowed methods", "[");
        assertThat(resource.header("Allow")).isNotBlank();

        Reply labeling = server.send(server.request("/v1/projects", AtelierServer.ADMIN_TOKEN)
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build());
        assertThat(labeling.status()).isEqualTo(405);
        assertThat(labeling.json().path("error").asText()).startsWith("PUT is not allowed on /v1/projects; use ");
    }

    @Test
    void an_unsupported_content_type_is_415_in_the_envelope() {
        Reply reply = server.send(server.request("/api/v1/admin/users", AtelierServer.ADMIN_TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build());
        assertThat(reply.status()).isEqualTo(415);
        assertEnvelopeError(reply.json());
        assertThat(reply.json().path("message").asText())
                .isEqualTo("POST /api/v1/admin/users does not accept content type 'text/plain'; send application/json");
    }

    @Test
    void json_nested_deeper_than_the_limit_is_400() {
        String deep = "{\"email\":\"a@b.c\",\"name\":\"n\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
        Reply reply = server.postRaw("/api/v1/admin/users", AtelierServer.ADMIN_TOKEN, deep);
        assertThat(reply.status()).isEqualTo(400);
        assertEnvelopeError(reply.json());
    }

    static void assertEnvelopeError(JsonNode body) {
        assertThat(body.path("status").asText()).isEqualTo("error");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("data")).isTrue();
        assertThat(body.path("data").isNull()).isTrue();
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("at dev.");
    }
}
