package dev.atelier.http.ops;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI document generated at compile time ({@code META-INF/swagger/openapi.yml}) at
 * {@code /openapi.yml}, and the Swagger UI page generated next to it at {@code /docs}. The UI's
 * scripts and styles are copied from micronaut-openapi into {@code META-INF/swagger/views/swagger-ui/res}
 * at build time and served by the static resource mapping {@code /docs/res/**} (application.yml):
 * the page works without any network access beyond this server. Both routes are public (see the
 * authentication filter) and are not themselves part of the document.
 */
@Hidden
@Controller
final class ApiDocumentController {
    static final String DOCUMENT = "classpath:META-INF/swagger/openapi.yml";
    static final String PAGE = "classpath:META-INF/swagger/views/swagger-ui/index.html";
    static final MediaType YAML = MediaType.of("application/yaml");

    private final byte[] document;
    private final byte[] page;

    ApiDocumentController(ResourceResolver resources) {
        this.document = read(resources, DOCUMENT);
        this.page = read(resources, PAGE);
    }

    @Get("/openapi.yml")
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }

    @Get("/docs")
    HttpResponse<byte[]> page() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static byte[] read(ResourceResolver resources, String location) {
        Optional<InputStream> stream = resources.getResourceAsStream(location);
        if (stream.isEmpty()) {
            throw new IllegalStateException(location + " is missing: the build generates it (micronaut-openapi)");
        }
        try (InputStream in = stream.get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
