package dev.atelier.http.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The labeling-platform projects API over HTTP, its reference examples verbatim. */
class LabelingProjectsHttpTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser user = server.createUser("Labeler");

    private Reply basicGet(String path, String key) {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("accept", "application/json")
                .header("Authorization", AtelierServer.basicAuth(key))
                .GET()
                .build());
    }

    private Reply basicPost(String path, String key, String json) {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .header("accept", "application/json")
                .header("content-type", "application/json")
                .header("Authorization", AtelierServer.basicAuth(key))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private static final String SEED_CREATE = """
            {
              "type": "imageannotation",
              "name": "kitten_labeling",
              "rapid": false,
              "studio": false,
              "params": {
                "instruction": "Please label the kittens"
              }
            }""";

    @Test
    void seed_create_example_answers_200_with_version_zero_and_the_flags() {
        Reply reply = basicPost("/v1/projects", user.token(), SEED_CREATE);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode p = reply.json();
        assertThat(p.path("type").asText()).isEqualTo("imageannotation");
        assertThat(p.path("name").asText()).isEqualTo("kitten_labeling");
        assertThat(p.path("param_history")).hasSize(1);
        JsonNode v0 = p.path("param_history").get(0);
        assertThat(v0.path("instruction").asText()).isEqualTo("Please label the kittens");
        assertThat(v0.path("version").asInt()).isZero();
        assertThat(v0.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(p.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(p.path("archived").asBoolean(true)).isFalse();
        assertThat(p.path("pinned").isBoolean()).isTrue();
        assertThat(p.path("rapid").isBoolean()).isTrue();
        assertThat(p.path("studio").asBoolean(true)).isFalse();
    }

    @Test
    void sdk_style_create_with_nulls_pipeline_and_studio_works() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "imageannotation");
        payload.put("name", "project_name");
        payload.put("rapid", false);
        payload.put("studio", true);
        payload.put("params", Map.of("instruction", "Instructions"));
        payload.put("pipeline", "pipeline_name");
        payload.put("dataset_id", null);
        payload.put("consensus_attempts", null);

        Reply reply = basicPost("/v1/projects", user.token(), AtelierServer.toJson(payload));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("pipeline").asText()).isEqualTo("pipeline_name");
        assertThat(reply.json().path("studio").asBoolean()).isTrue();
        assertThat(reply.json().has("dataset_id")).isFalse();
    }

    @Test
    void a_duplicate_name_is_409_and_missing_fields_are_400_in_the_error_shape() {
        assertThat(basicPost("/v1/projects", user.token(), SEED_CREATE).status())
                .isEqualTo(200);

        Reply duplicate = basicPost("/v1/projects", user.token(), SEED_CREATE);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("error").asText()).contains("kitten_labeling");

        Reply noType = basicPost("/v1/projects", user.token(), "{\"name\": \"x\"}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().path("error").asText()).contains("type");
        Reply badParams = basicPost("/v1/projects", user.token(), "{\"type\":\"t\",\"name\":\"y\",\"params\":[1]}");
        assertThat(badParams.status()).isEqualTo(400);
        assertThat(badParams.json().path("error").asText()).contains("params");
        Reply malformed = basicPost("/v1/projects", user.token(), "{\"type\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().has("error")).isTrue();
    }

    @Test
    void seed_get_example_and_url_encoded_names() {
        basicPost("/v1/projects", user.token(), SEED_CREATE);
        basicPost("/v1/projects", user.token(), "{\"type\":\"text\",\"name\":\"my project ü\"}");

        Reply kitten = basicGet("/v1/projects/kitten_labeling", user.token());
        assertThat(kitten.status()).isEqualTo(200);
        assertThat(kitten.json().path("name").asText()).isEqualTo("kitten_labeling");
        assertThat(kitten.json().path("param_history").get(0).path("version").asInt())
                .isZero();

        String encoded =
                URLEncoder.encode("my project ü", StandardCharsets.UTF_8).replace("+", "%20");
        Reply spaced = basicGet("/v1/projects/" + encoded, user.token());
        assertThat(spaced.status()).as(spaced.toString()).isEqualTo(200);
        assertThat(spaced.json().path("name").asText()).isEqualTo("my project ü");

        basicPost("/v1/projects", user.token(), "{\"type\":\"text\",\"name\":\"team/a?b#c\"}");
        Reply slashed =
                basicGet("/v1/projects/" + URLEncoder.encode("team/a?b#c", StandardCharsets.UTF_8), user.token());
        assertThat(slashed.status()).as(slashed.toString()).isEqualTo(200);
        assertThat(slashed.json().path("name").asText()).isEqualTo("team/a?b#c");
        Reply slashedParams = basicPost(
                "/v1/projects/" + URLEncoder.encode("team/a?b#c", StandardCharsets.UTF_8) + "/setParams",
                user.token(),
                "{\"k\": 1}");
        assertThat(slashedParams.status()).as(slashedParams.toString()).isEqualTo(200);

        Reply missing = basicGet("/v1/projects/no_such_project", user.token());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asText()).isNotBlank();
    }

    @Test
    void another_users_project_of_that_name_is_404() {
        basicPost("/v1/projects", user.token(), SEED_CREATE);
        TestUser other = server.createUser("Other");
        assertThat(basicGet("/v1/projects/kitten_labeling", other.token()).status())
                .isEqualTo(404);
    }

    @Test
    void seed_list_example_returns_an_array_and_archived_filters() {
        basicPost("/v1/projects", user.token(), SEED_CREATE);

        Reply all = basicGet("/v1/projects", user.token());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().isArray()).isTrue();
        assertThat(all.json()).extracting(n -> n.path("name").asText()).containsExactly("kitten_labeling");
        assertThat(basicGet("/v1/projects?archived=false", user.token()).json()).hasSize(1);
        assertThat(basicGet("/v1/projects?archived=true", user.token()).json()).isEmpty();
        Reply bad = basicGet("/v1/projects?archived=maybe", user.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).contains("archived");
    }

    @Test
    void seed_set_params_example_with_patch_as_a_string_adds_version_one() {
        basicPost("/v1/projects", user.token(), SEED_CREATE);

        Reply reply = basicPost("/v1/projects/kitten_labeling/setParams", user.token(), "{\"patch\": \"false\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode history = reply.json().path("param_history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(history.get(1).has("instruction")).isFalse();
        assertThat(history.get(1).has("patch")).isFalse();
    }

    @Test
    void sdk_update_project_params_and_patch_semantics() {
        basicPost("/v1/projects", user.token(), SEED_CREATE);
        Reply first = basicPost(
                "/v1/projects/kitten_labeling/setParams",
                user.token(),
                "{\"instruction\": \"Please label the objects in the image.\", \"priority\": 10,"
                        + " \"additional_param\": \"value\", \"nested\": {\"a\": 1, \"b\": 2}}");
        assertThat(first.status()).isEqualTo(200);
        JsonNode v1 = first.json().path("param_history").get(1);
        assertThat(v1.path("instruction").asText()).isEqualTo("Please label the objects in the image.");
        assertThat(v1.path("priority").asInt()).isEqualTo(10);
        assertThat(v1.path("version").asInt()).isEqualTo(1);

        JsonNode v2 = basicPost(
                        "/v1/projects/kitten_labeling/setParams",
                        user.token(),
                        "{\"patch\": true, \"nested\": {\"a\": 9}}")
                .json()
                .path("param_history")
                .get(2);
        assertThat(v2.path("priority").asInt()).isEqualTo(10);
        assertThat(v2.path("nested").path("a").asInt()).isEqualTo(9);
        assertThat(v2.path("nested").has("b")).isFalse();
        assertThat(v2.path("instruction").asText()).isEqualTo("Please label the objects in the image.");

        JsonNode v3 = basicPost("/v1/projects/kitten_labeling/setParams", user.token(), "{\"only\": 1}")
                .json()
                .path("param_history")
                .get(3);
        assertThat(v3.has("priority")).isFalse();
        assertThat(v3.path("only").asInt()).isEqualTo(1);

        Reply badPatch = basicPost("/v1/projects/kitten_labeling/setParams", user.token(), "{\"patch\": \"perhaps\"}");
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(basicPost("/v1/projects/missing/setParams", user.token(), "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void bearer_works_too_and_no_credentials_is_401_in_the_error_shape() {
        assertThat(server.post("/v1/projects", user.token(), Map.of("type", "t", "name", "bearer"))
                        .status())
                .isEqualTo(200);
        Reply anonymous = server.get("/v1/projects", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").asText()).isNotBlank();
        Reply wrong = basicGet("/v1/projects", "not-a-key");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void concurrent_set_params_over_http_give_versions_without_gaps_or_duplicates() throws Exception {
        basicPost("/v1/projects", user.token(), "{\"type\":\"t\",\"name\":\"concurrent\"}");
        int threads = 4;
        int each = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        statuses.add(basicPost(
                                        "/v1/projects/concurrent/setParams",
                                        user.token(),
                                        "{\"patch\": true, \"t" + thread + "\": " + i + "}")
                                .status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> f : futures) {
                assertThat(f.get()).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode history =
                basicGet("/v1/projects/concurrent", user.token()).json().path("param_history");
        assertThat(history).hasSize(threads * each + 1);
        Set<Integer> versions = new HashSet<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("version").asInt()).isEqualTo(i);
            versions.add(history.get(i).path("version").asInt());
        }
        assertThat(versions).hasSize(threads * each + 1);
        JsonNode last = history.get(history.size() - 1);
        for (int t = 0; t < threads; t++) {
            assertThat(last.path("t" + t).asInt()).isEqualTo(each - 1);
        }
    }
}
