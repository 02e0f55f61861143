package dev.atelier.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Atelier server for HTTP tests: the whole application context (controllers, filters,
 * persistence on an embedded H2 database in a temporary directory) on a random loopback port, with
 * a known bootstrap admin token. {@link #shared()} starts one per test JVM and is what most tests
 * use; {@link #start(Map)} starts a private one with extra configuration (close it yourself).
 *
 * <p>Requests go through the JDK HTTP client so that tests can send anything (malformed JSON,
 * wrong content types, odd headers) exactly as a client would.
 */
public final class AtelierServer implements AutoCloseable {
    /** The bootstrap administrator's API key in every test server. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static AtelierServer shared;

    private final EmbeddedServer server;
    private final Path dataDir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final boolean ownsDataDir;

    private AtelierServer(EmbeddedServer server, Path dataDir, boolean ownsDataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
    }

    /** The server shared by all tests of this JVM (started on first use, stopped at JVM exit). */
    public static synchronized AtelierServer shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A private server with {@code extra} configuration on top of the test defaults. */
    public static AtelierServer start(Map<String, Object> extra) {
        Path dir;
        try {
            dir = Files.createTempDirectory("atelier-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("atelier.admin-token", ADMIN_TOKEN);
        properties.put("atelier.data-dir", dir.toString());
        // the suites send hundreds of bad credentials on purpose, all from 127.0.0.1: the limit on
        // failed attempts per address stays out of their way (RateLimitsHttpTest sets low limits)
        properties.put("atelier.rate-limit.failed-auth-per-minute", 1_000_000);
        properties.putAll(extra);
        boolean own = !extra.containsKey("atelier.data-dir");
        if (!own) {
            dir.toFile().delete();
        }
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        return new AtelierServer(
                server, Path.of(properties.get("atelier.data-dir").toString()), own);
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getPort() + pathAndQuery);
    }

    public Path dataDir() {
        return dataDir;
    }

    // ---- requests ---------------------------------------------------------------------------

    /** A request builder for {@code path} with {@code Authorization: Bearer token} (token may be null). */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** POST of a JSON text sent as it is (so it may be malformed on purpose). */
    public Reply postRaw(String path, String token, String jsonText) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonText, StandardCharsets.UTF_8))
                .build());
    }

    /** POST of {@code body} (maps, lists, strings, numbers ...) as JSON. */
    public Reply post(String path, String token, Object body) {
        return postRaw(path, token, toJson(body));
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basicAuth(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- users ------------------------------------------------------------------------------

    /** A new user (created through the admin API with the bootstrap admin's token). */
    public TestUser createUser(String name, String organization) {
        String email = "user" + USERS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("name", name);
        if (organization != null) {
            body.put("organization", organization);
        }
        Reply reply = post("/api/v1/admin/users", ADMIN_TOKEN, body);
        if (reply.status() != 200) {
            throw new IllegalStateException("could not create a test user: " + reply);
        }
        JsonNode data = reply.json().path("data");
        return new TestUser(
                data.path("user_id").asText(), email, data.path("api_key").asText());
    }

    public TestUser createUser(String name) {
        return createUser(name, null);
    }

    /** A user created for a test: id, email and API key. */
    public record TestUser(String id, String email, String token) {}

    /** One HTTP answer: status, headers and body text, with the body parsed as JSON on demand. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            if (body == null || body.isEmpty()) {
                return NullNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("answer is not JSON: " + body, e);
            }
        }

        /** {@code data} of a v1 envelope. */
        public JsonNode data() {
            return json().path("data");
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    /** Stops the server and deletes its temporary data directory (unless a test chose its own). */
    @Override
    public void close() {
        server.close();
        if (ownsDataDir) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // best effort: it is a temporary directory
            }
        }
    }
}
