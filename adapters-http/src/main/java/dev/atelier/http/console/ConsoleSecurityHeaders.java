package dev.atelier.http.console;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The web console's security headers, on its page and on every file it loads. The
 * Content-Security-Policy allows this server's own scripts, styles, images and API only: no inline
 * script or style, no other origin, no plugin, no framing ({@code frame-ancestors 'none'}), forms
 * that post nowhere but here. The console is written for it (ES modules, one stylesheet, the DOM
 * built with {@code textContent}), so a markup injection that slipped through could not run.
 */
@ServerFilter({"/", "/console/**"})
final class ConsoleSecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }
}
