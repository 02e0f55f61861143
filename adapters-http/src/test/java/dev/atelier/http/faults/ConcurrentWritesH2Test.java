package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;

/** {@link ConcurrentWritesContract} on the embedded H2 database (the shared test server: no start-up of its own). */
class ConcurrentWritesH2Test extends ConcurrentWritesContract {
    @Override
    AtelierServer server() {
        return AtelierServer.shared();
    }
}
