package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every part of the conformance suite shares: the server under test (one per database, see
 * {@code ConformanceOnH2Test} and {@code ConformanceOnPostgresTest}), the base URL a client
 * configures instead of the vendor's host, fresh users (each test works as users of its own, so
 * one server serves the whole suite), and the checks of each dialect's answer shape.
 *
 * <p>Set-up steps that are not the example under test (creating the project an example loads, a
 * second user to share with) go through {@link AtelierServer}'s own client; the example itself
 * always goes out through {@link PythonRequests}, {@link Curl} or an SDK transcription.
 */
abstract class ConformanceContract {
    abstract AtelierServer server();

    /** {@code http://127.0.0.1:port}: the only thing a client changes besides its token. */
    String base() {
        return "http://127.0.0.1:" + server().uri("/").getPort();
    }

    /** A new user in an organization of its own (so organization scope sees only what a test puts there). */
    TestUser user(String name) {
        return server().createUser(name, "org-" + UUID.randomUUID());
    }

    TestUser user(String name, String organization) {
        return server().createUser(name, organization);
    }

    /**
     * What each Python helper function of the Prometheux references does for a POST:
     * {@code headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}},
     * {@code response = requests.post(url, headers=headers, json=data)}, {@code return response.json()}.
     */
    static JsonNode postJsonPy(String url, String token, Object data) {
        return Answer.exchange(PythonRequests.post(url)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .json(data)
                        .prepare())
                .json();
    }

    /** The names of a list of projects, each of which must have one. */
    static List<String> names(JsonNode projects) {
        List<String> names = new ArrayList<>();
        for (JsonNode project : projects) {
            names.add(Py.str(project, "name"));
        }
        return names;
    }

    // ---- set-up through the server's own client (not the example under test)

    /** A project of {@code owner} in the default workspace (v1 save); its id. */
    String project(TestUser owner, String name) {
        return project(owner, "workspace_id", name, "user");
    }

    String project(TestUser owner, String workspace, String name, String scope) {
        Map<String, Object> project = Py.dict("name", name, "scope", scope);
        Reply reply =
                server().post("/api/v1/projects/" + workspace + "/save", owner.token(), Map.of("project", project));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("project_id").asText();
    }

    /** A workspace of {@code owner} (v1 workspaces save); its id. */
    String workspace(TestUser owner, String name) {
        Reply reply = server().post("/api/v1/workspaces/save", owner.token(), Map.of("name", name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data().path("workspace_id").asText();
    }

    /** {@code member} gets {@code role} on {@code projectId} (resource dialect, by the owner). */
    void share(TestUser owner, String projectId, TestUser member, String role) {
        Reply reply = server().post(
                        "/api/projects/" + projectId + "/members",
                        owner.token(),
                        Map.of("email", member.email(), "role", role));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    /** The project as its owner loads it (v1), or null when it is gone. */
    JsonNode load(TestUser user, String projectId) {
        Reply reply = server().get("/api/v1/projects/load?project_id=" + projectId, user.token());
        return reply.status() == 404 ? null : reply.data();
    }

    // ---- the dialects' answer shapes

    /** A v1 success envelope; its {@code data}. */
    static JsonNode v1Success(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(Py.str(body, "status")).isEqualTo("success");
        assertThat(Py.str(body, "message")).isNotBlank();
        return Py.item(body, "data");
    }

    /** A v1 error envelope with {@code status} and {@code data: null}; its message. */
    static String v1Error(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(Py.str(body, "status")).isEqualTo("error");
        assertThat(Py.item(body, "data").isNull()).as(answer.toString()).isTrue();
        return clean(Py.str(body, "message"));
    }

    /** An RFC 9457 problem with {@code status}; its detail. */
    static String problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(Py.item(body, "status").asInt()).isEqualTo(status);
        return clean(Py.str(body, "detail"));
    }

    /** The labeling dialect's {@code {"error": "..."}} with {@code status}; the message. */
    static String labelingError(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        return clean(Py.str(body, "error"));
    }

    private static String clean(String message) {
        assertThat(message).doesNotContain("Exception", "dev.atelier", "io.micronaut", "\tat ", "/tmp/");
        return message;
    }
}
