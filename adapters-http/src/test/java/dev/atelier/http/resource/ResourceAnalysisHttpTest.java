package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/projects/analyze}: the analyzer's draft for review, with nothing saved. */
class ResourceAnalysisHttpTest {
    private static final String CSV = "store,day,revenue\nS1,2026-01-01,1200\nS2,2026-01-01,900\n";
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser alice = server.createUser("Alice", "acme-" + UUID.randomUUID());

    private Reply analyze(String token, String context, String filename, byte[] file) {
        String boundary = "----atelier-analyze";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (context != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n" + context
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = token == null
                ? HttpRequest.newBuilder(server.uri("/api/projects/analyze"))
                : server.request("/api/projects/analyze", token);
        return server.send(request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private long total() {
        return server.get("/api/projects?limit=1", alice.token())
                .json()
                .path("total")
                .asLong();
    }

    @Test
    void answers_the_draft_and_what_was_read_from_each_file_without_creating_a_project() {
        long before = total();

        Reply reply = analyze(
                alice.token(),
                "Detect anomalies in daily revenue across 300 stores and alert finance.",
                "revenue.csv",
                CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode answer = reply.json();
        JsonNode draft = answer.path("draft");
        assertThat(draft.path("name").asText()).isNotBlank();
        assertThat(draft.path("description").asText()).isNotBlank();
        assertThat(draft.path("type").asText()).isNotBlank();
        assertThat(draft.path("domain").asText()).isNotBlank();
        assertThat(draft.path("tags").isArray()).isTrue();
        assertThat(draft.path("params").isObject()).isTrue();
        assertThat(draft.has("template_id")).isTrue();
        assertThat(answer.path("analysis").path("provider").asText()).isEqualTo("offline");
        assertThat(answer.path("analysis").path("fallback").asBoolean()).isFalse();
        JsonNode analysis = answer.path("analysis");
        assertThat(analysis.path("model").asText()).isEqualTo("all-MiniLM-L6-v2-q");
        assertThat(analysis.has("reason")).isTrue();
        assertThat(analysis.path("task_kind").path("label").asText()).isEqualTo("anomaly_detection");
        assertThat(draft.path("type").asText()).isEqualTo("anomaly_detection");
        assertThat(analysis.path("task_kind").path("score").asDouble())
                .isGreaterThan(
                        analysis.path("task_kind").path("runner_up_score").asDouble());
        assertThat(analysis.path("task_kind").path("runner_up").asText()).isNotBlank();
        assertThat(analysis.path("domain").path("label").asText())
                .isEqualTo(draft.path("domain").asText())
                .isIn("retail", "finance");
        assertThat(analysis.path("domain").has("runner_up_score")).isTrue();
        assertThat(analysis.path("template").path("label").asText()).isEqualTo("revenue-anomaly-detection");
        assertThat(draft.path("template_id").asText()).isEqualTo("revenue-anomaly-detection");
        assertThat(draft.path("params").path("metric").asText()).isEqualTo("revenue");
        assertThat(draft.path("name").asText()).containsIgnoringCase("revenue");
        JsonNode file = answer.path("documents").get(0);
        assertThat(file.path("filename").asText()).isEqualTo("revenue.csv");
        assertThat(file.path("media_type").asText()).isEqualTo("text/csv");
        assertThat(file.path("rows").asInt()).isEqualTo(2);
        assertThat(file.path("columns").asInt()).isEqualTo(3);
        assertThat(file.path("size_bytes").asLong()).isEqualTo(CSV.length());
        assertThat(file.path("sha256").asText()).hasSize(64);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void a_context_no_template_fits_gets_none_with_empty_params_and_the_runner_up_named() {
        Reply reply = analyze(
                alice.token(),
                "Forecast the number of visitors per day at our city museums for the next quarter.",
                null,
                null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode draft = reply.json().path("draft");
        JsonNode template = reply.json().path("analysis").path("template");
        assertThat(draft.path("type").asText()).isEqualTo("forecasting");
        assertThat(draft.path("template_id").isNull()).isTrue();
        assertThat(draft.path("params").isEmpty()).isTrue();
        assertThat(template.path("label").isNull()).isTrue();
        assertThat(template.path("runner_up").asText()).isNotBlank();
    }

    @Test
    void neither_context_nor_files_is_a_400_problem() {
        Reply reply = analyze(alice.token(), null, null, null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asText()).contains("context");
    }

    @Test
    void an_unreadable_file_is_a_4xx_problem() {
        byte[] notAPdf = "%PDF-1.7\n this is not a PDF at all".getBytes(StandardCharsets.UTF_8);

        Reply reply = analyze(alice.token(), "Contract review", "contract.pdf", notAPdf);

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asText()).contains("contract.pdf");
    }

    @Test
    void needs_a_caller() {
        Reply reply = analyze(null, "Churn prediction", null, null);

        assertThat(reply.status()).isEqualTo(401);
    }
}
