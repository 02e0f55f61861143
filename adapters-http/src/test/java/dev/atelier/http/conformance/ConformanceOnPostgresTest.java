package dev.atelier.http.conformance;

import dev.atelier.http.faults.FaultDatabases;
import dev.atelier.http.testing.AtelierServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite on PostgreSQL: one server on a database of its own on the test PostgreSQL
 * server ({@code ATELIER_TEST_POSTGRES_URL}, found as every PostgreSQL test of this module finds it),
 * shared by every part of the suite. {@code ConformanceOnH2Test} runs the same on H2.
 */
class ConformanceOnPostgresTest {
    private static FaultDatabases.PostgresDatabase database;
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        database = FaultDatabases.postgres();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        server = AtelierServer.start(FaultDatabases.quiet(properties));
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

    static AtelierServer server() {
        return server;
    }

    @Nested
    class PythonSdkProjects extends PythonSdkProjectsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }

    @Nested
    class ProjectsApiV1 extends ProjectsApiV1Contract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }

    @Nested
    class LabelingProjects extends LabelingProjectsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }

    @Nested
    class ResourceProjectsApi extends ResourceProjectsApiContract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }

    @Nested
    class WorkspacesApiV1 extends WorkspacesApiV1Contract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }

    @Nested
    class SdkWireCalls extends SdkWireCallsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }

    @Nested
    class FoundGaps extends FoundGapsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnPostgresTest.server();
        }
    }
}
