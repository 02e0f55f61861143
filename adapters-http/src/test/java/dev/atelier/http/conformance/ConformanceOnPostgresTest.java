package dev.atelier.http.conformance;

import dev.atelier.http.faults.ServerOnPostgres;
import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance suite on PostgreSQL: one server on a database of its own ({@link
 * ServerOnPostgres}: Testcontainers or {@code ATELIER_TEST_POSTGRES_URL}, found as every PostgreSQL
 * test of the build finds it), shared by every part of the suite. {@code ConformanceOnH2Test} runs the same on H2.
 */
class ConformanceOnPostgresTest {
    @RegisterExtension
    static final ServerOnPostgres postgres = new ServerOnPostgres();

    static AtelierServer server() {
        return postgres.server();
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
