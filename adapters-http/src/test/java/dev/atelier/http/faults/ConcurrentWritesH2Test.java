package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ConcurrentWritesContract} on the embedded H2 database (a server of its own). */
class ConcurrentWritesH2Test extends ConcurrentWritesContract {
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(FaultDatabases.quiet(java.util.Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    AtelierServer server() {
        return server;
    }
}
