package dev.atelier.http.limits;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Points Micronaut's multipart decoder at this server's {@link UploadArea}: parts larger than
 * {@code micronaut.server.multipart.threshold} go to a file there as they arrive instead of
 * staying in memory ({@code micronaut.server.multipart.mixed}), and are deleted when the request
 * ends.
 */
@Singleton
final class UploadLocation implements BeanCreatedEventListener<HttpServerConfiguration> {
    private final UploadArea area;

    UploadLocation(UploadArea area) {
        this.area = area;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration configuration = event.getBean();
        configuration.getMultipart().setLocation(area.directory().toFile());
        return configuration;
    }
}
