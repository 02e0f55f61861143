package dev.atelier.http.faults;

import dev.atelier.http.testing.AtelierServer;

/** {@link HalfwayFailuresContract} on the embedded H2 database (the shared test server: no start-up of its own). */
class HalfwayFailuresH2Test extends HalfwayFailuresContract {
    @Override
    AtelierServer server() {
        return AtelierServer.shared();
    }
}
