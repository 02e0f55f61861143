package dev.atelier.http.security;

import dev.atelier.application.account.Authenticate;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.User;
import dev.atelier.http.error.Dialect;
import dev.atelier.http.error.ErrorResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * Authenticates every request of every dialect with an API key (see {@link Credentials}) through
 * the application's {@link Authenticate}, and leaves the caller in the request ({@link Callers},
 * {@link Caller}). Health, metrics and API documentation are public. Tokens are never logged.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiKeyAuthenticationFilter implements Ordered {
    private static final List<String> PUBLIC_PREFIXES = List.of("/health", "/docs", "/swagger", "/swagger-ui");
    private static final List<String> PUBLIC_PATHS = List.of("/prometheus", "/openapi.yml");

    private final Authenticate authenticate;

    ApiKeyAuthenticationFilter(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 100;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (isPublic(request.getPath())) {
            return null;
        }
        var presented = Credentials.apiKey(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (presented.isEmpty()) {
            return unauthorized(
                    request,
                    "missing or unusable credentials: send 'Authorization: Bearer <api key>' (or HTTP Basic with the "
                            + "API key as user name and an empty password)");
        }
        try {
            User caller = authenticate.withApiKey(presented.get());
            Callers.set(request, caller);
            return null;
        } catch (UnauthenticatedException refused) {
            return unauthorized(request, "invalid or revoked API key");
        }
    }

    static boolean isPublic(String path) {
        if (PUBLIC_PATHS.contains(path)) {
            return true;
        }
        for (String prefix : PUBLIC_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<?> unauthorized(HttpRequest<?> request, String message) {
        return ErrorResponses.of(request, HttpStatus.UNAUTHORIZED, message)
                .header(HttpHeaders.WWW_AUTHENTICATE, Dialect.of(request).challenge());
    }
}
