package dev.atelier.http.security;

import dev.atelier.application.account.Authenticate;
import dev.atelier.application.account.AuthenticateIdentityToken;
import dev.atelier.domain.model.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Admits, on the event loop and without touching the database, a request whose API key the
 * {@link Authenticate#cached credential cache} holds as recently valid (the secret is still
 * checked), with the same per-credential rate limit. Everything else — no or malformed
 * credentials, a key not in the cache, an identity-provider token, an address blocked after failed
 * attempts — is left untouched for {@link ApiKeyAuthenticationFilter}, which runs next on the
 * blocking executor and gives every refusal its answer. A request admitted here skips that filter
 * and the thread hop it costs.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CachedCredentialFilter implements Ordered {
    private final Authenticate authenticate;
    private final AuthenticateIdentityToken identityTokens;
    private final RateLimits limits;

    CachedCredentialFilter(
            Authenticate authenticate, @Nullable AuthenticateIdentityToken identityTokens, RateLimits limits) {
        this.authenticate = authenticate;
        this.identityTokens = identityTokens;
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ApiKeyAuthenticationFilter.ORDER - 1;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> admitCached(HttpRequest<?> request) {
        if (ApiKeyAuthenticationFilter.isPublic(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<String> presented = Credentials.apiKey(authorization);
        if (presented.isEmpty()) {
            return null;
        }
        if (identityTokens != null
                && ApiKeyAuthenticationFilter.isBearer(authorization)
                && identityTokens.handles(presented.get())) {
            return null;
        }
        if (limits.failedAuthBlocked(ApiKeyAuthenticationFilter.clientAddress(request))
                .isPresent()) {
            return null;
        }
        Optional<User> cached = authenticate.cached(presented.get());
        if (cached.isEmpty()) {
            return null;
        }
        return ApiKeyAuthenticationFilter.admit(
                request, cached.get(), ApiKeyAuthenticationFilter.keyCredential(presented.get()), limits);
    }
}
