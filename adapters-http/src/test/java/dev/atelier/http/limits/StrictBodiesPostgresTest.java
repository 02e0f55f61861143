package dev.atelier.http.limits;

import dev.atelier.http.faults.ServerOnPostgres;
import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StrictBodiesContract} on PostgreSQL (a database of its own on the test server). */
class StrictBodiesPostgresTest extends StrictBodiesContract {
    @RegisterExtension
    static final ServerOnPostgres postgres = new ServerOnPostgres(limits());

    @Override
    AtelierServer server() {
        return postgres.server();
    }
}
