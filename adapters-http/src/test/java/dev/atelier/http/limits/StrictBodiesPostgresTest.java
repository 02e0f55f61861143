package dev.atelier.http.limits;

import dev.atelier.http.faults.FaultDatabases;
import dev.atelier.http.testing.AtelierServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link StrictBodiesContract} on PostgreSQL (a database of its own on the test server). */
class StrictBodiesPostgresTest extends StrictBodiesContract {
    private static FaultDatabases.PostgresDatabase database;
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        database = FaultDatabases.postgres();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.putAll(limits());
        server = AtelierServer.start(properties);
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
