package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link HalfwayFailuresContract} on PostgreSQL (a database of its own on the test server). */
class HalfwayFailuresPostgresTest extends HalfwayFailuresContract {
    private static FaultDatabases.PostgresDatabase database;
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        database = FaultDatabases.postgres();
        server = AtelierServer.start(FaultDatabases.quiet(database.properties()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    AtelierServer server() {
        return server;
    }
}
