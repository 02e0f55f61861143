package dev.atelier.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh, private PostgreSQL database for one test class, dropped again by {@link #close}.
 *
 * <p>The server is, in this order: a Testcontainers {@code postgres:16-alpine} when a Docker engine
 * is available; otherwise the server named by {@code ATELIER_TEST_POSTGRES_URL} (with
 * {@code ATELIER_TEST_POSTGRES_USER} and {@code ATELIER_TEST_POSTGRES_PASSWORD}). On that server
 * each test class creates its own database {@code atelier_t_<random>}, so runs never see each
 * other's data. With neither available the tests are skipped with a loud message, unless
 * {@code ATELIER_REQUIRE_POSTGRES_TESTS=true}, when they fail instead.
 *
 * <p>Testcontainers is asked only when a Docker endpoint is in sight ({@code DOCKER_HOST}, a
 * Testcontainers configuration file, or one of the usual Docker sockets): without one its probe
 * would only try each of its strategies and log their failures, so the named server is taken at
 * once.
 *
 * <p>This is the one way every PostgreSQL test of the build gets its database: adapters-http's
 * tests use it too, through this module's test-jar (which holds this class only).
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private static Server server;

    private final Server on;
    private final String name;

    private PostgresTestDatabase(Server on, String name) {
        this.on = on;
        this.name = name;
    }

    /** Creates a new empty database, or aborts/fails the calling test as described above. */
    public static PostgresTestDatabase create() {
        Server s = server();
        String name = "atelier_t_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = s.connect(s.url());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database on " + s.url(), e);
        }
        return new PostgresTestDatabase(s, name);
    }

    public String url() {
        return withDatabase(on.url(), name);
    }

    public String user() {
        return on.user();
    }

    public String password() {
        return on.password();
    }

    /**
     * Skips the calling test with a loud message, or fails it when {@code
     * ATELIER_REQUIRE_POSTGRES_TESTS=true}: for a PostgreSQL test that finds something else it needs
     * missing (the server binaries of a private cluster, say).
     */
    public static void skipOrFail(String message) {
        if (required()) {
            throw new IllegalStateException(message + " — and ATELIER_REQUIRE_POSTGRES_TESTS=true");
        }
        System.err.println("!!! " + message);
        Assumptions.abort(message);
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("ATELIER_REQUIRE_POSTGRES_TESTS"));
    }

    /** The Micronaut datasource properties that point at this database. */
    public Map<String, Object> datasourceProperties() {
        return Map.of(
                "datasources.default.url", url(),
                "datasources.default.username", user(),
                "datasources.default.password", password());
    }

    @Override
    public void close() {
        try (Connection c = on.connect(on.url());
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name, e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    /** Replaces the database name in {@code jdbc:postgresql://host:port/db?params}. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String hostAndDb = query < 0 ? rest : rest.substring(0, query);
        int slash = hostAndDb.indexOf('/');
        String host = slash < 0 ? hostAndDb : hostAndDb.substring(0, slash);
        return prefix + host + "/" + database + params;
    }

    private static synchronized Server server() {
        if (server == null) {
            server = findServer();
        }
        return server;
    }

    private static Server findServer() {
        String url = System.getenv("ATELIER_TEST_POSTGRES_URL");
        String problem = null;
        if (dockerEndpointInSight() && dockerAvailable()) {
            try {
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            } catch (RuntimeException e) {
                problem = "Docker is available but the postgres:16-alpine container did not start: " + e;
            }
        }
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("ATELIER_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("ATELIER_TEST_POSTGRES_PASSWORD", "");
            Server s = new Server(url, user, password);
            try (Connection ignored = s.connect(url)) {
                return s;
            } catch (SQLException e) {
                problem = "ATELIER_TEST_POSTGRES_URL=" + url + " cannot be reached: " + e.getMessage();
            }
        }
        String message = "PostgreSQL tests NOT RUN: "
                + (problem != null
                        ? problem
                        : "no Docker engine and ATELIER_TEST_POSTGRES_URL is not set "
                                + "(e.g. jdbc:postgresql://127.0.0.1:5432/test with ATELIER_TEST_POSTGRES_USER/_PASSWORD)");
        skipOrFail(message);
        throw new AssertionError("unreachable");
    }

    /**
     * Whether Testcontainers could find a Docker engine at all: {@code DOCKER_HOST}, a {@code
     * ~/.testcontainers.properties} (which may name a host), or a socket where Docker, Docker
     * Desktop, rootless Docker, Colima or Rancher Desktop put theirs.
     */
    private static boolean dockerEndpointInSight() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = new ArrayList<>(List.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, ".docker/run/docker.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private record Server(String url, String user, String password) {
        Connection connect(String jdbcUrl) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password == null ? "" : password);
            return DriverManager.getConnection(jdbcUrl, props);
        }
    }
}
