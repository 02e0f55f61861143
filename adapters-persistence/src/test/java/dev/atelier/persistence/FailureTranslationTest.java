package dev.atelier.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import io.micronaut.context.ApplicationContext;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureTranslationTest {

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void an_unreachable_database_is_reported_as_database_unavailable() throws Exception {
        try (ApplicationContext context = PersistenceContexts.start(Map.of(
                "datasources.default.url",
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/atelier",
                "datasources.default.username",
                "nobody",
                "datasources.default.password",
                "",
                "datasources.default.connection-timeout",
                500,
                "datasources.default.initialization-fail-timeout",
                -1,
                "flyway.datasources.default.enabled",
                false))) {
            UserRepository users = context.getBean(UserRepository.class);
            UnitOfWork uow = context.getBean(UnitOfWork.class);

            assertThatThrownBy(users::count)
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessage("database unavailable");
            assertThatThrownBy(() -> uow.inTransaction(users::count))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessage("database unavailable");
        }
    }

    @Test
    void unexpected_sql_errors_surface_without_any_sql_in_the_message() throws Exception {
        String url = "jdbc:h2:mem:broken_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (ApplicationContext context = PersistenceContexts.start(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", "sa",
                "datasources.default.password", ""))) {
            UserRepository users = context.getBean(UserRepository.class);
            users.insert(new User(
                    new UserId("ok"), "ok@example.test", "Ok", null, false, Instant.parse("2030-01-01T00:00:00Z")));
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    Statement st = c.createStatement()) {
                st.execute("DROP TABLE project_events");
            }

            assertThatThrownBy(() -> context.getBean(EventRepository.class).timeline(new ProjectId("p")))
                    .isInstanceOf(RuntimeException.class)
                    .isNotInstanceOf(DependencyUnavailableException.class)
                    .hasMessage("the database could not complete the operation")
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContainIgnoringCase("select")
                            .doesNotContainIgnoringCase("project_events"));
            assertThat(users.count()).isEqualTo(1);
        }
    }
}
