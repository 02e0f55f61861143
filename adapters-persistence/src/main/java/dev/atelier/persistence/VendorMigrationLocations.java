package dev.atelier.persistence;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Resolves the {@code {vendor}} placeholder in the Flyway locations of the default datasource
 * ({@code classpath:db/migration/{vendor}}) to the connected database: {@code h2} or
 * {@code postgresql}. Flyway itself does not know this placeholder.
 */
@Singleton
@Named("default")
final class VendorMigrationLocations implements FlywayConfigurationCustomizer {
    private static final String PLACEHOLDER = "{vendor}";

    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        Location[] locations = configuration.getLocations();
        boolean templated =
                Arrays.stream(locations).anyMatch(l -> l.getDescriptor().contains(PLACEHOLDER));
        if (!templated) {
            return;
        }
        String vendor = vendorOf(configuration.getDataSource());
        configuration.locations(Arrays.stream(locations)
                .map(l -> l.getDescriptor().replace(PLACEHOLDER, vendor))
                .toArray(String[]::new));
    }

    private static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot determine the database vendor for the migrations", e);
        }
    }
}
