package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resource dialect beyond the seed, as a client that reviews a draft uses it: create with
 * type, metadata and params; read and set params with their history; list documents with their
 * facts; archive and bring back.
 */
class ResourceProjectDetailsHttpTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser alice = server.createUser("Alice Details");

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asText()).contains(detail);
    }

    private String create(Map<String, Object> body) {
        Reply reply = server.post("/api/projects", alice.token(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("project_id").asText();
    }

    @Test
    void create_keeps_the_type_metadata_and_params_of_a_reviewed_draft() {
        String id = create(Map.of(
                "name",
                "Weekly demand " + System.nanoTime(),
                "description",
                "Forecast weekly demand per store",
                "type",
                "forecasting",
                "metadata",
                Map.of("tags", List.of("retail", "demand"), "domain", "retail", "template_id", "demand-forecasting"),
                "params",
                Map.of("horizon_weeks", 8)));

        JsonNode loaded = server.get("/api/v1/projects/load?project_id=" + id, alice.token())
                .data();
        assertThat(loaded.path("type").asText()).isEqualTo("forecasting");
        assertThat(loaded.path("metadata").path("domain").asText()).isEqualTo("retail");
        assertThat(loaded.path("metadata").path("tags")).hasSize(2);
        assertThat(loaded.path("params").path("horizon_weeks").asInt()).isEqualTo(8);
    }

    @Test
    void create_refuses_metadata_or_params_that_are_not_objects_and_stores_nothing() {
        long before = server.get("/api/projects?limit=1", alice.token())
                .json()
                .path("total")
                .asLong();

        assertProblem(
                server.post("/api/projects", alice.token(), Map.of("name", "Bad", "params", List.of(1))),
                400,
                "params must be a JSON object");
        assertProblem(
                server.post("/api/projects", alice.token(), Map.of("name", "Bad", "metadata", "x")),
                400,
                "metadata must be a JSON object");
        assertProblem(
                server.post("/api/projects", alice.token(), Map.of("name", "Bad", "params", Map.of("version", 1))),
                400,
                "'version' is reserved");

        assertThat(server.get("/api/projects?limit=1", alice.token())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(before);
    }

    @Test
    void params_are_versioned_and_their_history_is_listed_oldest_first() {
        String id = create(Map.of("name", "Params " + System.nanoTime(), "params", Map.of("lr", 0.1)));

        Reply set = server.send(server.request("/api/projects/" + id + "/params", alice.token())
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"params\": {\"lr\": 0.05, \"epochs\": 3}, \"instruction\": \"slower\"}"))
                .build());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        JsonNode params =
                server.get("/api/projects/" + id + "/params", alice.token()).json();
        assertThat(params.path("current").path("version").asInt()).isEqualTo(1);
        assertThat(params.path("current").path("params").path("epochs").asInt()).isEqualTo(3);
        assertThat(params.path("current").path("instruction").asText()).isEqualTo("slower");
        assertThat(params.path("history").findValues("version").stream().map(JsonNode::asInt))
                .containsExactly(0, 1);
        assertThat(params.path("history").get(0).path("params").path("lr").asDouble())
                .isEqualTo(0.1);
        // the answer's fields, in this order, and nothing else
        String body =
                server.get("/api/projects/" + id + "/params", alice.token()).body();
        String createdAt = params.path("current").path("created_at").asText();
        assertThat(body)
                .startsWith("{\"project_id\":\"" + id + "\",\"current\":{\"version\":1,\"params\":{\"lr\":0.05,"
                        + "\"epochs\":3},\"instruction\":\"slower\",\"created_at\":\"" + createdAt
                        + "\"},\"history\":[");
        assertThat(params.path("history").get(0).path("instruction").isNull()).isTrue();
        assertThat(params.size()).isEqualTo(3);
    }

    @Test
    void a_reserved_or_missing_params_object_is_a_400_with_the_reason() {
        String id = create(Map.of("name", "Reserved " + System.nanoTime()));

        assertProblem(
                ResourceHttp.put(
                        server,
                        "/api/projects/" + id + "/params",
                        alice.token(),
                        "{\"params\": {\"version\": 2}}",
                        null),
                400,
                "'version' is reserved");
        assertProblem(
                ResourceHttp.put(server, "/api/projects/" + id + "/params", alice.token(), "{}", null),
                400,
                "params is required");
        assertThat(server.get("/api/projects/" + id + "/params", alice.token())
                        .json()
                        .path("history"))
                .hasSize(1);
    }

    @Test
    void documents_are_listed_with_their_facts_after_upload() {
        String id = create(Map.of("name", "Docs " + System.nanoTime()));
        ResourceHttp.multipart(
                server,
                "/api/projects/" + id + "/datasets",
                alice.token(),
                "file",
                "sales.csv",
                "store,week,units\n1,1,10\n1,2,12\n".getBytes(StandardCharsets.UTF_8));

        JsonNode docs =
                server.get("/api/projects/" + id + "/documents", alice.token()).json();

        assertThat(docs.path("total").asInt()).isEqualTo(1);
        JsonNode sales = docs.path("items").get(0);
        assertThat(sales.path("filename").asText()).isEqualTo("sales.csv");
        assertThat(sales.path("rows").asInt()).isEqualTo(2);
        assertThat(sales.path("columns").asInt()).isEqualTo(3);
        assertThat(sales.path("dataset").asBoolean()).isTrue();
        assertThat(sales.has("text")).isFalse();
        assertThat(sales.has("content_base64")).isFalse();
    }

    @Test
    void archive_and_unarchive_change_the_status_and_record_it_once() {
        String id = create(Map.of("name", "Archive " + System.nanoTime()));

        Reply archived = server.post("/api/projects/" + id + "/archive", alice.token(), Map.of());
        server.post("/api/projects/" + id + "/archive", alice.token(), Map.of());
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().path("project").path("status").asText()).isEqualTo("archived");
        assertThat(archived.header("ETag")).isNotBlank();

        Reply back = server.post("/api/projects/" + id + "/unarchive", alice.token(), Map.of());
        assertThat(back.json().path("project").path("status").asText()).isEqualTo("active");
        JsonNode events = server.get("/api/projects/" + id + "/timeline", alice.token())
                .json()
                .path("events");
        assertThat(events.findValuesAsText("type")).containsExactly("created", "archived", "archived");
    }
}
