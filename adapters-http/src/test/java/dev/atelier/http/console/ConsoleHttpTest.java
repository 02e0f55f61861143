package dev.atelier.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console as files on the wire, without a browser: served at / and /console/** with its
 * security headers, written so that the strict policy holds (no inline script or style, nothing
 * from another origin), and shadowing none of the API's paths.
 */
class ConsoleHttpTest {
    private static final List<String> FILES = List.of(
            "index.html",
            "console.css",
            "app.js",
            "api.js",
            "ui.js",
            "nav.js",
            "views/signin.js",
            "views/projects.js",
            "views/project.js",
            "views/create.js",
            "views/import.js",
            "views/workspaces.js",
            "views/admin.js");

    private final AtelierServer server = AtelierServer.shared();

    @Test
    void the_page_is_public_html_with_a_strict_content_security_policy() {
        Reply page = server.get("/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/app.js", "/console/views/project.js", "/console/console.css"})
    void the_files_are_public_with_their_types_and_the_same_headers(String path) {
        Reply file = server.get(path, null);

        assertThat(file.status()).as(path).isEqualTo(200);
        assertThat(file.header("Content-Type"))
                .as(path)
                .startsWith(path.endsWith(".css") ? "text/css" : "application/javascript");
        assertThat(file.header("Content-Security-Policy")).isEqualTo(ConsoleSecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void the_api_and_the_operators_paths_are_not_shadowed() {
        Reply api = server.get("/api/projects", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(server.get("/api/v1/projects/list", null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("error");
        assertThat(server.get("/docs", null).body()).contains("swagger");
        assertThat(server.get("/openapi.yml", null).body()).startsWith("openapi");
        assertThat(server.get("/health", null).status()).isEqualTo(200);
        assertThat(server.get("/prometheus", null).status()).isEqualTo(200);
        assertThat(server.get("/console/no-such-file.js", null).status()).isEqualTo(404);
    }

    @Test
    void no_file_has_inline_script_or_style_or_loads_anything_from_elsewhere() throws IOException {
        for (String name : FILES) {
            String text = resource(name);
            assertThat(text)
                    .as(name + ": nothing from another origin")
                    .doesNotContainPattern("(?i)(src|href|url)\\s*[=(]\\s*[\"']?(https?:)?//");
            assertThat(text).as(name + ": no markup parsed from strings").doesNotContain("innerHTML", "outerHTML");
            assertThat(text).as(name + ": no eval").doesNotContainPattern("\\beval\\(|new Function\\(");
        }
        String page = resource("index.html");
        assertThat(page).as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page).as("no inline style").doesNotContainPattern("(?i)<style|\\sstyle=");
        assertThat(page).as("no inline handler").doesNotContainPattern("(?i)\\son[a-z]+=");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsoleHttpTest.class.getResourceAsStream("/console/" + name)) {
            assertThat(in).as(name + " is in the jar").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
