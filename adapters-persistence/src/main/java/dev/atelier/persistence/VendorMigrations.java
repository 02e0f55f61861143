package dev.atelier.persistence;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Resolves {@code {vendor}} in the Flyway locations of the default datasource to {@code h2} or
 * {@code postgresql}, from the {@link Dialect} of the configured URL. (Flyway substitutes that
 * placeholder only after it has scanned the locations, which is too late in Micronaut's setup.)
 */
@Singleton
@Named("default")
final class VendorMigrations implements FlywayConfigurationCustomizer {
    private final Dialect dialect;

    VendorMigrations(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        String vendor = dialect == Dialect.POSTGRES ? "postgresql" : "h2";
        Location[] resolved = Arrays.stream(configuration.getLocations())
                .map(l -> new Location(l.getDescriptor().replace("{vendor}", vendor)))
                .toArray(Location[]::new);
        configuration.locations(resolved);
    }
}
