package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Database helpers of the fault tests: a throw-away PostgreSQL database on the test server
 * ({@code ATELIER_TEST_POSTGRES_URL}, skipped loudly when absent unless
 * {@code ATELIER_REQUIRE_POSTGRES_TESTS=true}), row counts of every table, and plain SQL next to a
 * running server (on its own connection, outside the server's pool). The conformance suite takes
 * its PostgreSQL database from here too, so every PostgreSQL test of this module finds the server the
 * same way.
 */
public final class FaultDatabases {
    /** Every table Atelier writes (Flyway's history excluded). */
    static final List<String> TABLES = List.of(
            "users",
            "api_keys",
            "workspaces",
            "projects",
            "project_params",
            "project_members",
            "project_events",
            "project_documents");

    private FaultDatabases() {}

    /** {@code properties} plus no analyzer warm-up (these tests never analyze; it only costs CPU). */
    public static Map<String, Object> quiet(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("atelier.analyzer.warm-up", false);
        return all;
    }

    static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv("ATELIER_REQUIRE_POSTGRES_TESTS"));
    }

    /** Skips the calling test with a loud message, or fails it when PostgreSQL tests are required. */
    static void skipOrFail(String message) {
        if (postgresRequired()) {
            throw new IllegalStateException(message + " — and ATELIER_REQUIRE_POSTGRES_TESTS=true");
        }
        System.err.println("!!! " + message);
        Assumptions.abort(message);
    }

    /** A new empty database on the test PostgreSQL server; drop it with {@link PostgresDatabase#close}. */
    public static PostgresDatabase postgres() {
        String url = System.getenv("ATELIER_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            skipOrFail("PostgreSQL tests NOT RUN: ATELIER_TEST_POSTGRES_URL is not set");
        }
        String user = System.getenv().getOrDefault("ATELIER_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("ATELIER_TEST_POSTGRES_PASSWORD", "");
        String name =
                "atelier_f_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            skipOrFail("PostgreSQL tests NOT RUN: " + url + " cannot be reached: " + e.getMessage());
        }
        return new PostgresDatabase(url, withDatabase(url, name), user, password, name);
    }

    static String withDatabase(String url, String database) {
        String rest = url.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String hostAndDb = query < 0 ? rest : rest.substring(0, query);
        int slash = hostAndDb.indexOf('/');
        String host = slash < 0 ? hostAndDb : hostAndDb.substring(0, slash);
        return "jdbc:postgresql://" + host + "/" + database + params;
    }

    /** A database of its own on the test PostgreSQL server. */
    public record PostgresDatabase(String serverUrl, String url, String user, String password, String name)
            implements AutoCloseable {
        public Map<String, Object> properties() {
            return Map.of(
                    "datasources.default.url", url,
                    "datasources.default.username", user,
                    "datasources.default.password", password);
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + name, e);
            }
        }
    }

    /** A connection of its own to the database the server uses (H2 in the same JVM shares the file). */
    static Connection connect(AtelierServer server) throws SQLException {
        var ctx = server.context();
        String url = ctx.getRequiredProperty("datasources.default.url", String.class);
        String user =
                ctx.getProperty("datasources.default.username", String.class).orElse("sa");
        String password =
                ctx.getProperty("datasources.default.password", String.class).orElse("");
        return DriverManager.getConnection(url, user, password);
    }

    static boolean isPostgres(AtelierServer server) {
        return server.context()
                .getRequiredProperty("datasources.default.url", String.class)
                .startsWith("jdbc:postgresql:");
    }

    /** Rows per table, in {@link #TABLES} order. */
    static Map<String, Long> rowCounts(AtelierServer server) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(server);
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static void execute(AtelierServer server, String sql) {
        try (Connection c = connect(server);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
