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

/**
 * Database helpers of the fault tests: row counts of every table, and plain SQL next to a running
 * server (on its own connection, outside the server's pool). A PostgreSQL database comes from
 * adapters-persistence's {@link dev.atelier.persistence.PostgresTestDatabase}, as for every
 * PostgreSQL test of the build (directly, or through {@link ServerOnPostgres}).
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
