package dev.atelier.http.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * No lost update, over HTTP against the real server, run once per database
 * ({@link ConcurrentWritesH2Test}, {@link ConcurrentWritesPostgresTest}): parallel saves of one
 * project either apply one after the other (each answer carries its own version, the final state is
 * the write with the highest version) or are refused (412 with a stale {@code If-Match}); parallel
 * {@code setParams} give consecutive versions; parallel deletes of one project delete it once, every
 * other one is told "not found" (in its dialect's shape), never a success that did not happen.
 */
abstract class ConcurrentWritesContract {
    static final int THREADS = 8;
    static final int EACH = 4;

    abstract AtelierServer server();

    private String newProject(TestUser user, String name) {
        Reply created = server().post(
                        "/api/v1/projects/workspace_id/save",
                        user.token(),
                        Map.of("project", Map.of("name", name, "description", "initial")));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().path("project_id").asText();
    }

    /** Runs {@code task(i)} for i in 0..n-1 on n threads released together; returns the results in order. */
    static <T> List<T> together(int n, IntFunction<Callable<T>> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    record Ack(int status, long version, String description) {}

    @Test
    void parallel_v1_saves_of_one_project_apply_one_after_the_other_and_the_last_version_wins() throws Exception {
        TestUser user = server().createUser("Saver");
        String id = newProject(user, "contended v1");
        long initial = server().get("/api/v1/projects/load?project_id=" + id, user.token())
                .data()
                .path("version")
                .asLong();

        List<List<Ack>> perThread = together(THREADS, t -> () -> {
            List<Ack> acks = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                String description = "thread " + t + " write " + i;
                Reply r = server().post(
                                "/api/v1/projects/workspace_id/save",
                                user.token(),
                                Map.of(
                                        "project",
                                        Map.of(
                                                "id",
                                                id,
                                                "name",
                                                "contended v1",
                                                "description",
                                                description,
                                                "metadata",
                                                Map.of("writer", t, "write", i))));
                acks.add(new Ack(
                        r.status(), r.data().path("project").path("version").asLong(-1), description));
            }
            return acks;
        });

        List<Ack> acks = perThread.stream().flatMap(List::stream).toList();
        assertThat(acks).extracting(Ack::status).containsOnly(200);
        // every acknowledged write got a version of its own: none was applied on top of a stale read
        assertThat(acks)
                .extracting(Ack::version)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(initial + 1, initial + (long) THREADS * EACH)
                                .boxed()
                                .toList());
        Ack last = acks.stream().max(Comparator.comparingLong(Ack::version)).orElseThrow();
        JsonNode stored = server().get("/api/v1/projects/load?project_id=" + id, user.token())
                .data();
        assertThat(stored.path("version").asLong()).isEqualTo(last.version());
        assertThat(stored.path("description").asText()).isEqualTo(last.description());
        // each thread's own writes were applied in the order it made them
        for (List<Ack> own : perThread) {
            assertThat(own).extracting(Ack::version).isSorted();
        }
    }

    private Reply put(String id, String token, String ifMatch, String description) {
        HttpRequest.Builder b = server().request("/api/projects/" + id, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        AtelierServer.toJson(Map.of("name", "contended resource", "description", description)),
                        StandardCharsets.UTF_8));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return server().send(b.build());
    }

    @Test
    void parallel_resource_puts_with_the_same_if_match_let_exactly_one_win_and_refuse_the_others() throws Exception {
        TestUser user = server().createUser("Putter");
        String id = newProject(user, "contended resource");
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            String etag = server().get("/api/projects/" + id, user.token()).header("ETag");
            int r = round;
            List<Reply> replies =
                    together(THREADS, t -> () -> put(id, user.token(), etag, "round " + r + " thread " + t));

            List<Reply> won = replies.stream().filter(x -> x.status() == 200).toList();
            assertThat(won).as(replies.toString()).hasSize(1);
            for (Reply lost : replies) {
                if (lost.status() != 200) {
                    assertThat(lost.status()).as(lost.toString()).isEqualTo(412);
                    assertThat(lost.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(lost.json().path("detail").asText()).contains("has changed since version");
                }
            }
            Reply stored = server().get("/api/projects/" + id, user.token());
            assertThat(stored.json().path("project").path("description").asText())
                    .isEqualTo(won.get(0)
                            .json()
                            .path("project")
                            .path("description")
                            .asText());
            assertThat(stored.header("ETag"))
                    .isEqualTo(won.get(0).header("ETag"))
                    .isNotEqualTo(etag);
        }
    }

    @Test
    void parallel_resource_puts_without_if_match_are_all_applied_one_after_the_other() throws Exception {
        TestUser user = server().createUser("Blind putter");
        String id = newProject(user, "contended resource");
        List<Reply> replies = together(THREADS, t -> () -> put(id, user.token(), null, "blind " + t));
        assertThat(replies).extracting(Reply::status).containsOnly(200);
        List<String> etags = replies.stream().map(r -> r.header("ETag")).toList();
        assertThat(etags).doesNotHaveDuplicates();
        Reply last = replies.stream()
                .max(Comparator.comparingLong(
                        r -> Long.parseLong(r.header("ETag").replace("\"", ""))))
                .orElseThrow();
        Reply stored = server().get("/api/projects/" + id, user.token());
        assertThat(stored.header("ETag")).isEqualTo(last.header("ETag"));
        assertThat(stored.json().path("project").path("description"))
                .isEqualTo(last.json().path("project").path("description"));
    }

    @Test
    void parallel_set_params_give_consecutive_versions_without_gaps_or_duplicates() throws Exception {
        TestUser user = server().createUser("Params");
        String name = "params " + System.nanoTime();
        Reply created = server().send(server().request("/v1/projects", null)
                .header("Authorization", AtelierServer.basicAuth(user.token()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AtelierServer.toJson(Map.of("type", "t", "name", name))))
                .build());
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String path = "/v1/projects/" + name.replace(" ", "%20");

        List<List<Integer>> statuses = together(THREADS, t -> () -> {
            List<Integer> own = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                own.add(server().post(path + "/setParams", user.token(), Map.of("patch", true, "t" + t, i))
                        .status());
            }
            return own;
        });

        assertThat(statuses.stream().flatMap(List::stream)).containsOnly(200);
        JsonNode history = server().get(path, user.token()).json().path("param_history");
        assertThat(history).hasSize(THREADS * EACH + 1);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).path("version").asInt()).isEqualTo(i);
        }
        JsonNode last = history.get(history.size() - 1);
        for (int t = 0; t < THREADS; t++) {
            // patches merge: no thread's last value was lost by another thread's write
            assertThat(last.path("t" + t).asInt()).isEqualTo(EACH - 1);
        }
    }

    @Test
    void parallel_cleanups_and_deletes_of_one_project_delete_it_once_and_the_others_are_not_found() throws Exception {
        TestUser user = server().createUser("Deleter");
        String id = newProject(user, "deleted in parallel");
        Map<String, Object> body = Map.of("project", Map.of("id", id, "scope", "user"));

        List<Reply> replies = together(
                THREADS,
                t -> () -> t % 2 == 0
                        ? server().post("/api/v1/projects/workspace_id/cleanup", user.token(), body)
                        : server().delete("/api/projects/" + id, user.token()));

        int succeeded = 0;
        for (Reply r : replies) {
            assertThat(r.status()).as(r.toString()).isIn(200, 404);
            if (r.status() == 200) {
                succeeded++;
                if (r.json().has("data")) {
                    assertThat(r.data().path("deleted").asInt()).isEqualTo(1);
                } else {
                    assertThat(r.json().path("ok").asBoolean()).isTrue();
                }
            }
        }
        assertThat(succeeded)
                .as("exactly one delete happened, and only one answer says so")
                .isEqualTo(1);
        assertThat(server().get("/api/projects/" + id, user.token()).status()).isEqualTo(404);
        // and once more, after the fact: nothing left to delete, so "not found" in both dialects
        Reply again = server().post("/api/v1/projects/workspace_id/cleanup", user.token(), body);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("status").asText()).isEqualTo("error");
        Reply deleteAgain = server().delete("/api/projects/" + id, user.token());
        assertThat(deleteAgain.status()).isEqualTo(404);
        assertThat(deleteAgain.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void parallel_cleanups_of_a_whole_workspace_delete_every_project_exactly_once() throws Exception {
        TestUser user = server().createUser("Sweeper");
        int projects = 10;
        for (int i = 0; i < projects; i++) {
            newProject(user, "swept " + i);
        }
        Map<String, Object> all = Map.of("project", Map.of("scope", "user"));

        List<Reply> replies =
                together(4, t -> () -> server().post("/api/v1/projects/workspace_id/cleanup", user.token(), all));

        int deleted = 0;
        for (Reply r : replies) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            deleted += r.data().path("deleted").asInt();
        }
        assertThat(deleted).isEqualTo(projects);
        assertThat(server().get("/api/v1/projects/workspace_id/list?scopes=user", user.token())
                        .data())
                .isEmpty();
    }
}
