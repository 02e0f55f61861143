package dev.atelier.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UserRepository;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDefaultsTest {

    @Test
    void without_any_datasource_settings_an_h2_file_database_is_created_and_migrated_under_the_data_dir(
            @TempDir Path dataDir) {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("atelier.data-dir", dataDir.toString()))
                .start()) {
            assertThat(context.getBean(UserRepository.class).count()).isZero();
            assertThat(context.getBean(ProjectRepository.class)).isNotNull();
            assertThat(context.getBean(Dialect.class)).isEqualTo(Dialect.H2);
        }
        assertThat(dataDir.resolve("atelier.mv.db")).exists();
    }

    @Test
    void the_h2_file_database_keeps_its_data_across_restarts(@TempDir Path dataDir) throws Exception {
        Map<String, Object> properties = Map.of("atelier.data-dir", dataDir.toString());
        try (ApplicationContext context =
                ApplicationContext.builder().properties(properties).start()) {
            context.getBean(UserRepository.class)
                    .insert(new dev.atelier.domain.model.User(
                            new dev.atelier.domain.model.UserId("u1"),
                            "a@example.test",
                            "A",
                            null,
                            true,
                            java.time.Instant.parse("2030-01-01T00:00:00Z")));
        }
        assertThat(Files.size(dataDir.resolve("atelier.mv.db"))).isPositive();
        try (ApplicationContext context =
                ApplicationContext.builder().properties(properties).start()) {
            assertThat(context.getBean(UserRepository.class).findByEmail("a@example.test"))
                    .isPresent();
        }
    }

    @Test
    void the_dialect_follows_the_url() {
        assertThat(Dialect.fromUrl("jdbc:postgresql://db:5432/atelier")).isEqualTo(Dialect.POSTGRES);
        assertThat(Dialect.fromUrl("jdbc:h2:file:./data/atelier")).isEqualTo(Dialect.H2);
        assertThat(Dialect.fromUrl("jdbc:h2:mem:x")).isEqualTo(Dialect.H2);
        assertThatThrownBy(() -> Dialect.fromUrl("jdbc:mysql://db/atelier"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("H2 and PostgreSQL");
    }

    @Test
    void relative_h2_file_paths_become_absolute_and_other_urls_stay_as_they_are() {
        String absolute = H2FilePaths.absolute("jdbc:h2:file:data/atelier;LOCK_TIMEOUT=10000");

        assertThat(absolute)
                .startsWith("jdbc:h2:file:/")
                .endsWith("/data/atelier;LOCK_TIMEOUT=10000")
                .doesNotContain("/./");
        assertThat(H2FilePaths.absolute("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2FilePaths.absolute("jdbc:postgresql://db/a")).isEqualTo("jdbc:postgresql://db/a");
    }

    @Test
    void h2_file_urls_commit_to_disk_before_answering_unless_they_choose_a_write_delay_themselves() {
        assertThat(H2FilePaths.durable("jdbc:h2:file:/d/atelier;LOCK_TIMEOUT=10000"))
                .isEqualTo("jdbc:h2:file:/d/atelier;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        assertThat(H2FilePaths.durable("jdbc:h2:file:/d/atelier;write_delay=500"))
                .isEqualTo("jdbc:h2:file:/d/atelier;write_delay=500");
        assertThat(H2FilePaths.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2FilePaths.durable("jdbc:postgresql://db/a")).isEqualTo("jdbc:postgresql://db/a");
        assertThat(PersistenceDefaults.values().get("datasources.default.url").toString())
                .contains(";WRITE_DELAY=0");
    }

    @Test
    void the_shipped_defaults_rank_below_every_other_property_source() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("datasources.default.url", "jdbc:h2:mem:override;DB_CLOSE_DELAY=-1"))
                .start()) {
            assertThat(context.getProperty("datasources.default.url", String.class))
                    .contains("jdbc:h2:mem:override;DB_CLOSE_DELAY=-1");
            assertThat(context.getProperty("flyway.datasources.default.enabled", Boolean.class))
                    .contains(true);
        }
    }
}
