package dev.atelier.http.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.persistence.PostgresTestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of the server during a write load: the real server runs in a child JVM (main class
 * {@code dev.atelier.http.Atelier}, the application's classpath without the test classes), four
 * clients create and update projects, the child is killed with SIGKILL while writes are in flight
 * ({@link Process#destroyForcibly()}, as soon as creates and updates have been acknowledged), a new server starts on the same data, and every write that
 * had been acknowledged (HTTP 200) must be there. Once on the embedded H2 file database, once on
 * PostgreSQL.
 */
@Tag("slow")
class KillNineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "kill-nine-admin-token-0123456789";
    private static final int WRITERS = 4;
    private static final int MIN_CREATES_BEFORE_KILL = 40;
    private static final int MIN_UPDATES_BEFORE_KILL = 10;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void every_write_acknowledged_before_a_kill_9_is_there_after_a_restart_on_h2(@TempDir Path data) throws Exception {
        survivesKill9(Map.of("ATELIER_DATA_DIR", data.toString()), "h2");
    }

    @Test
    void every_write_acknowledged_before_a_kill_9_is_there_after_a_restart_on_postgresql() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            survivesKill9(
                    Map.of(
                            "DATASOURCES_DEFAULT_URL", db.url(),
                            "DATASOURCES_DEFAULT_USERNAME", db.user(),
                            "DATASOURCES_DEFAULT_PASSWORD", db.password()),
                    "postgresql");
        }
    }

    private record Ack(String id, String name, long version, String description) {}

    private void survivesKill9(Map<String, String> database, String label) throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>(database);
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        env.put("ATELIER_ADMIN_TOKEN", ADMIN);
        env.put("ATELIER_ANALYZER_WARM_UP", "false");
        String base = "http://127.0.0.1:" + port;
        Path log = Files.createTempFile("atelier-kill9-", ".log");

        Process first = launch(env, log);
        String token;
        Map<String, Ack> created = new ConcurrentHashMap<>();
        Map<String, Ack> updated = new ConcurrentHashMap<>();
        int[] attempts = new int[1];
        AtomicInteger updateAcks = new AtomicInteger();
        try {
            awaitHealthy(base, first, log);
            JsonNode user = post(base, "/api/v1/admin/users", ADMIN, Map.of("email", "k9@example.com", "name", "K9"))
                    .path("body")
                    .path("data");
            token = user.path("api_key").asText();
            assertThat(token).isNotBlank();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger inFlight = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(
                        pool.submit(() -> write(base, token, writer, running, inFlight, created, updated, updateAcks)));
            }
            // SIGKILL once the load is under way (creates and updates acknowledged) and at the very
            // moment writes are in flight: sent, their answer not yet back
            await("acknowledged writes, and a write in flight")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> created.size() >= MIN_CREATES_BEFORE_KILL
                            && updateAcks.get() >= MIN_UPDATES_BEFORE_KILL
                            && inFlight.get() > 0);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            running.set(false);
            for (Future<Integer> f : writers) {
                attempts[0] += f.get();
            }
            pool.shutdownNow();
        } finally {
            first.destroyForcibly();
        }
        assertThat(created).as("writes acknowledged before the kill").isNotEmpty();

        Process second = launch(env, log);
        try {
            awaitHealthy(base, second, log);
            int lost = 0;
            for (Ack ack : created.values()) {
                JsonNode loaded = get(base, "/api/v1/projects/load?project_id=" + ack.id(), token);
                if (loaded.path("status").asInt() != 200
                        || !ack.name()
                                .equals(loaded.path("body")
                                        .path("data")
                                        .path("name")
                                        .asText())) {
                    lost++;
                }
            }
            for (Ack ack : updated.values()) {
                JsonNode project = get(base, "/api/v1/projects/load?project_id=" + ack.id(), token)
                        .path("body")
                        .path("data");
                long version = project.path("version").asLong(-1);
                // the last acknowledged update, or a later one whose answer the kill swallowed
                if (version < ack.version()
                        || (version == ack.version()
                                && !ack.description()
                                        .equals(project.path("description").asText()))) {
                    lost++;
                }
            }
            System.out.printf(
                    "[faults] kill -9 on %s: 1 kill; %d write requests, %d acknowledged (%d creates, %d updates"
                            + " checked at their last acknowledged version), lost %d%n",
                    label, attempts[0], created.size() + updateAcks.get(), created.size(), updated.size(), lost);
            assertThat(lost).as("acknowledged writes missing after the restart").isZero();
        } finally {
            second.destroy();
            if (!second.waitFor(20, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /** One client: creates projects and updates the ones it created, until the server dies. */
    private static int write(
            String base,
            String token,
            int writer,
            AtomicBoolean running,
            AtomicInteger inFlight,
            Map<String, Ack> created,
            Map<String, Ack> updated,
            AtomicInteger updateAcks) {
        int attempts = 0;
        List<Ack> mine = new ArrayList<>();
        for (int i = 0; running.get(); i++) {
            attempts++;
            inFlight.incrementAndGet();
            try {
                if (i % 3 == 2 && !mine.isEmpty()) {
                    Ack target = mine.get(i % mine.size());
                    String description = "writer " + writer + " update " + i;
                    JsonNode r = post(
                            base,
                            "/api/v1/projects/workspace_id/save",
                            token,
                            Map.of(
                                    "project",
                                    Map.of("id", target.id(), "name", target.name(), "description", description)));
                    if (r.path("status").asInt() == 200) {
                        long version = r.path("body")
                                .path("data")
                                .path("project")
                                .path("version")
                                .asLong();
                        updated.merge(
                                target.id(),
                                new Ack(target.id(), target.name(), version, description),
                                (a, b) -> a.version() >= b.version() ? a : b);
                        updateAcks.incrementAndGet();
                    }
                } else {
                    String name = "w" + writer + "-" + i;
                    JsonNode r = post(
                            base,
                            "/api/v1/projects/workspace_id/save",
                            token,
                            Map.of("project", Map.of("name", name, "description", "created")));
                    if (r.path("status").asInt() == 200) {
                        Ack ack = new Ack(
                                r.path("body").path("data").path("project_id").asText(), name, 0, "created");
                        created.put(ack.id(), ack);
                        mine.add(ack);
                    }
                }
            } catch (IOException e) {
                return attempts; // the server is gone
            } finally {
                inFlight.decrementAndGet();
            }
        }
        return attempts;
    }

    // ---- the child JVM ------------------------------------------------------------------------

    private static Process launch(Map<String, String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                serverClasspath(),
                "dev.atelier.http.Atelier"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The application's runtime classpath: this JVM's, without the test classes. */
    static String serverClasspath() throws IOException {
        List<String> entries = new ArrayList<>(
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            // surefire's manifest-only jar: the real entries are in its Class-Path
            Path jar = Path.of(entries.get(0));
            try (JarFile file = new JarFile(jar.toFile())) {
                String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
                if (classPath != null) {
                    entries = Arrays.stream(classPath.trim().split("\\s+"))
                            .map(e -> e.startsWith("file:")
                                    ? Path.of(URI.create(e)).toString()
                                    : jar.getParent().resolve(e).normalize().toString())
                            .collect(Collectors.toList());
                }
            }
        }
        return entries.stream()
                .filter(e -> !Path.of(e).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void awaitHealthy(String base, Process process, Path log) {
        try {
            await("the server healthy")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the server exited (" + process.exitValue() + "):\n" + tail(log));
                        }
                        try {
                            return HTTP.send(
                                                    HttpRequest.newBuilder(URI.create(base + "/health"))
                                                            .timeout(Duration.ofSeconds(5))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notYet) {
                            return false; // still starting
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the server did not become healthy:\n" + tail(log), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(the server's log cannot be read: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** {"status": code, "body": parsed JSON}; IOException when the server is gone. */
    private static JsonNode post(String base, String path, String token, Object body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AtelierServer.toJson(body)))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    private static JsonNode get(String base, String path, String token) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    private static JsonNode send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            var node = JSON.createObjectNode();
            node.put("status", r.statusCode());
            node.set("body", r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
            return node;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
