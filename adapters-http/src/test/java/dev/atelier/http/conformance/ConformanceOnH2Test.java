package dev.atelier.http.conformance;

import dev.atelier.http.testing.AtelierServer;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite on the embedded H2 database, against the shared test server (no start-up
 * of its own): every example of the reference documents, the SDK wire calls, and the gaps the
 * suite found. {@code ConformanceOnPostgresTest} runs the same on PostgreSQL.
 */
class ConformanceOnH2Test {
    static AtelierServer server() {
        return AtelierServer.shared();
    }

    @Nested
    class PythonSdkProjects extends PythonSdkProjectsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }

    @Nested
    class ProjectsApiV1 extends ProjectsApiV1Contract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }

    @Nested
    class LabelingProjects extends LabelingProjectsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }

    @Nested
    class ResourceProjectsApi extends ResourceProjectsApiContract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }

    @Nested
    class WorkspacesApiV1 extends WorkspacesApiV1Contract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }

    @Nested
    class SdkWireCalls extends SdkWireCallsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }

    @Nested
    class FoundGaps extends FoundGapsContract {
        @Override
        AtelierServer server() {
            return ConformanceOnH2Test.server();
        }
    }
}
