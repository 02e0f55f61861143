package dev.atelier.http.error;

import dev.atelier.domain.error.DependencyUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Test-only: fails requests below {@code /api/v1/boom} after authentication, as a broken dependency would. */
@Requires(property = "atelier.test.failing-filter", value = "true")
@ServerFilter("/api/v1/boom/**")
final class FailingFilter {
    @RequestFilter
    void fail(HttpRequest<?> request) {
        if (request.getPath().endsWith("/dependency")) {
            throw new DependencyUnavailableException("the database is unavailable; try again later");
        }
        throw new IllegalStateException("SELECT password FROM users -- /var/lib/atelier/data/atelier.mv.db");
    }
}
