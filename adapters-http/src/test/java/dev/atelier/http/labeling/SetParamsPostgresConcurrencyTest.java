package dev.atelier.http.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.faults.ServerOnPostgres;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Concurrent setParams against PostgreSQL, in a throw-away database (found as every PostgreSQL test
 * of the build finds it, {@link ServerOnPostgres}: skipped loudly when there is none, failed when
 * {@code ATELIER_REQUIRE_POSTGRES_TESTS=true}): the row lock and the
 * (project, version) uniqueness must give versions 0..N, each once.
 */
class SetParamsPostgresConcurrencyTest {
    @RegisterExtension
    static final ServerOnPostgres postgres = new ServerOnPostgres();

    @Test
    void concurrent_set_params_on_postgresql_never_duplicate_or_skip_a_version() throws Exception {
        TestUser user = postgres.server().createUser("Concurrent");
        assertThat(postgres.server()
                        .send(java.net.http.HttpRequest.newBuilder(
                                        postgres.server().uri("/v1/projects"))
                                .header("Authorization", AtelierServer.basicAuth(user.token()))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"type\":\"t\",\"name\":\"pg concurrent\"}"))
                                .build())
                        .status())
                .isEqualTo(200);
        int threads = 6;
        int each = 10;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        statuses.add(postgres.server()
                                .post(
                                        "/v1/projects/pg%20concurrent/setParams",
                                        user.token(), Map.of("patch", true, "t" + thread, i))
                                .status());
                    }
                    return statuses;
                }));
            }
            go.countDown();
            for (Future<List<Integer>> f : futures) {
                assertThat(f.get()).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode history = postgres.server()
                .get("/v1/projects/pg%20concurrent", user.token())
                .json()
                .path("param_history");
        assertThat(history).hasSize(threads * each + 1);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("version").asInt()).isEqualTo(i);
        }
        JsonNode last = history.get(history.size() - 1);
        for (int t = 0; t < threads; t++) {
            assertThat(last.path("t" + t).asInt()).isEqualTo(each - 1);
        }
    }
}
