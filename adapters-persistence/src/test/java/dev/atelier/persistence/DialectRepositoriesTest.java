package dev.atelier.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The URL decides which dialect's generated repositories exist: exactly one per table. */
class DialectRepositoriesTest {
    private static final List<Class<?>> ROWS = List.of(
            UserRows.class,
            ApiKeyRows.class,
            WorkspaceRows.class,
            ParamRows.class,
            MemberRows.class,
            EventRows.class,
            DocumentRows.class);

    @Test
    void an_h2_url_selects_only_the_h2_repositories() {
        try (ApplicationContext context = PersistenceContexts.h2()) {
            for (Class<?> rows : ROWS) {
                assertThat(context.getBeansOfType(rows))
                        .as(rows.getSimpleName())
                        .singleElement()
                        .satisfies(bean -> assertThat(dialectOf(bean, rows)).isEqualTo("H2"));
            }
        }
    }

    @Test
    void a_postgresql_url_selects_only_the_postgresql_repositories() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                ApplicationContext context = PersistenceContexts.start(database.datasourceProperties())) {
            for (Class<?> rows : ROWS) {
                assertThat(context.getBeansOfType(rows))
                        .as(rows.getSimpleName())
                        .singleElement()
                        .satisfies(bean -> assertThat(dialectOf(bean, rows)).isEqualTo("Postgres"));
            }
        }
    }

    /** The simple name of the nested dialect sub-interface ({@code H2} or {@code Postgres}) the bean implements. */
    private static String dialectOf(Object bean, Class<?> rows) {
        for (Class<?> nested : rows.getDeclaredClasses()) {
            if (nested.isInterface() && rows.isAssignableFrom(nested) && nested.isInstance(bean)) {
                return nested.getSimpleName();
            }
        }
        return "none";
    }
}
