package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HalfwayFailuresContract} on PostgreSQL (a database of its own on the test server). */
class HalfwayFailuresPostgresTest extends HalfwayFailuresContract {
    @RegisterExtension
    static final ServerOnPostgres postgres = new ServerOnPostgres();

    @Override
    AtelierServer server() {
        return postgres.server();
    }
}
