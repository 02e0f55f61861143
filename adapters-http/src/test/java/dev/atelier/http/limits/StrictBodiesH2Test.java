package dev.atelier.http.limits;

import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link StrictBodiesContract} on H2. */
class StrictBodiesH2Test extends StrictBodiesContract {
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(limits());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    AtelierServer server() {
        return server;
    }
}
