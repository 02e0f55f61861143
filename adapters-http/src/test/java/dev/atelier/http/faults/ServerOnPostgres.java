package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.persistence.PostgresTestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server on a PostgreSQL database of its own, for the tests of one class: registered as a static
 * field with {@code @RegisterExtension}, it creates the database and starts the server before the
 * class's first test and stops and drops both after its last. The database is found the way every
 * PostgreSQL test of the build finds it ({@link PostgresTestDatabase#create()}: Testcontainers or
 * the named server; skipped loudly, or failed under {@code ATELIER_REQUIRE_POSTGRES_TESTS=true},
 * when there is none).
 *
 * <p>JUnit calls a class's before-all and after-all callbacks for each of its {@code @Nested}
 * classes too; only the class that registered the extension starts and stops, so its nested
 * classes share its one server and database instead of each starting their own (and leaving the
 * enclosing class's database behind).
 */
public final class ServerOnPostgres implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, Object> extra;
    private PostgresTestDatabase database;
    private AtelierServer server;
    private String startedBy;

    /** A server with the analyzer's warm-up off and {@code extra} settings on top. */
    public ServerOnPostgres(Map<String, Object> extra) {
        this.extra = Map.copyOf(extra);
    }

    public ServerOnPostgres() {
        this(Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startedBy != null) {
            return;
        }
        startedBy = context.getUniqueId();
        database = PostgresTestDatabase.create();
        Map<String, Object> properties = new HashMap<>(database.datasourceProperties());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.putAll(extra);
        server = AtelierServer.start(FaultDatabases.quiet(properties));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getUniqueId().equals(startedBy)) {
            return;
        }
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            startedBy = null;
        }
    }

    public AtelierServer server() {
        return server;
    }
}
