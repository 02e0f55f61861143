package dev.atelier.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Points Flyway at the migrations of the configured database: {@code db/migration/h2} or
 * {@code db/migration/postgresql}, chosen from the datasource URL like every other dialect
 * decision (Flyway itself does not expand a {@code {vendor}} placeholder).
 */
@Singleton
final class FlywayVendorLocations implements BeanCreatedEventListener<FlywayConfigurationProperties> {
    private final Dialect dialect;

    FlywayVendorLocations(@Value("${datasources.default.url}") String url) {
        this.dialect = Dialect.fromUrl(url);
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        flyway.setLocations("classpath:db/migration/" + folder());
        return flyway;
    }

    String folder() {
        return dialect == Dialect.POSTGRES ? "postgresql" : dialect.name().toLowerCase(Locale.ROOT);
    }
}
