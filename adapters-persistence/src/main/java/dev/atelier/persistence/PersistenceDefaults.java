package dev.atelier.persistence;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration defaults shipped inside the persistence jar, so that the runnable application
 * needs no datasource or Flyway settings of its own: an embedded H2 file database under
 * {@code ${atelier.data-dir}} (default {@code ./data}, env {@code ATELIER_DATA_DIR}) and Flyway
 * migrations from {@code db/migration/<vendor>} (see FlywayVendorLocations). They sit below every other property source
 * (application.yml, environment variables, system properties), so
 * {@code DATASOURCES_DEFAULT_URL=jdbc:postgresql://...} plus credentials switch to PostgreSQL.
 * Registered through {@code META-INF/services/io.micronaut.context.env.PropertySourceLoader}.
 */
public final class PersistenceDefaults implements PropertySourceLoader {
    /** Below application.yml (-300) and the environment (-200): anything else wins. */
    static final int POSITION = -1000;

    static final String NAME = "atelier-persistence-defaults";

    static Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("atelier.data-dir", "./data");
        v.put(
                "datasources.default.url",
                "jdbc:h2:file:${atelier.data-dir}/atelier;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        v.put("datasources.default.username", "sa");
        v.put("datasources.default.password", "");
        // fail fast when the database is down: requests get "database unavailable" within seconds
        v.put("datasources.default.connection-timeout", 5000);
        v.put("datasources.default.validation-timeout", 3000);
        v.put("datasources.default.maximum-pool-size", 10);
        v.put("flyway.datasources.default.enabled", true);
        // locations: db/migration/h2 or db/migration/postgresql, chosen by FlywayVendorLocations
        return v;
    }

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!"application".equals(resourceName)) {
            return Optional.empty();
        }
        return Optional.of(PropertySource.of(NAME, values(), POSITION));
    }

    @Override
    public Optional<PropertySource> loadEnv(
            String resourceName, ResourceLoader resourceLoader, ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> read(String name, InputStream input) {
        return Map.of();
    }
}
