package dev.atelier.http.console;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web console's page at {@code /}. Its scripts, styles and images are static resources under
 * {@code /console/**} (application.yml); the console navigates with the URL's fragment
 * ({@code /#/projects/…}), so this one route is all it needs and no API path is ever shadowed.
 * Public, like the files it loads: signing in happens in the page, with an API key, against the
 * API. Not part of the OpenAPI document.
 */
@Hidden
@Controller
final class ConsolePageController {
    static final String PAGE = "classpath:console/index.html";

    private final byte[] page;

    ConsolePageController(ResourceResolver resources) {
        try (InputStream in = resources
                .getResourceAsStream(PAGE)
                .orElseThrow(() -> new IllegalStateException(PAGE + " is missing from the jar"))) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    HttpResponse<byte[]> page() {
        return HttpResponse.ok(page)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
