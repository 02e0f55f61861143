package dev.atelier.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the file path of an embedded H2 URL absolute, so that {@code ATELIER_DATA_DIR=data} works
 * as well as {@code ./data} or {@code /var/lib/atelier} (H2 refuses paths that are implicitly
 * relative to the working directory), and makes commits durable: unless the URL sets
 * {@code WRITE_DELAY} itself, {@code WRITE_DELAY=0} is added, so that a commit is written to the
 * database file before the request that made it is answered (H2's default, 500 ms, loses the last
 * half second of acknowledged writes when the process is killed; measured by KillNineTest).
 */
@Singleton
final class H2FilePaths implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final String PREFIX = "jdbc:h2:file:";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        String absolute = durable(absolute(url));
        if (absolute != null && !absolute.equals(url)) {
            config.setUrl(absolute);
        }
        return config;
    }

    /** An H2 file URL with {@code ;WRITE_DELAY=0} unless it sets a write delay itself; any other URL unchanged. */
    static String durable(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return url;
        }
        if (url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** The URL with an absolute database path, or {@code url} unchanged when it is not an H2 file URL. */
    static String absolute(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        String tail = options < 0 ? "" : rest.substring(options);
        if (path.startsWith("~")) {
            return url;
        }
        return PREFIX + Path.of(path).toAbsolutePath().normalize() + tail;
    }
}
