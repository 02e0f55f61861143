package dev.atelier.http.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The event-loop half of authentication: a request whose API key the credential cache admitted
 * ({@link ApiKeyAuthenticationFilter#isEnabled}, which then skips the blocking filter and its thread
 * hop) gets the same per-credential rate limit here. Any other request passes untouched; the
 * blocking filter authenticates it and gives every refusal its answer.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CachedCredentialFilter implements Ordered {
    private final RateLimits limits;

    CachedCredentialFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ApiKeyAuthenticationFilter.ORDER;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limitCached(HttpRequest<?> request) {
        return request.getAttribute(ApiKeyAuthenticationFilter.CACHED_CREDENTIAL, String.class)
                .map(credential -> ApiKeyAuthenticationFilter.rateLimited(request, credential, limits))
                .orElse(null);
    }
}
