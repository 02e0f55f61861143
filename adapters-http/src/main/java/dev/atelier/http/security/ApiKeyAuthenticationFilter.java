package dev.atelier.http.security;

import dev.atelier.application.account.Authenticate;
import dev.atelier.application.account.AuthenticateIdentityToken;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.ApiKeyToken;
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
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates every request of every dialect with an API key (see {@link Credentials}) through
 * the application's {@link Authenticate} — or, when configured, with an identity provider's JWT
 * through {@link AuthenticateIdentityToken} — and leaves the caller in the request ({@link
 * Callers}, {@link Caller}). Health, metrics, API documentation and the web console's files are
 * public. Tokens are never logged.
 *
 * <p>Rate limits ({@link RateLimits}): a client address whose failed attempts are used up gets 429
 * before any credential of it is checked; an authenticated credential over its allowance gets 429.
 * Both with {@code Retry-After}, in the dialect's error shape.
 *
 * <p>This filter reads the database, so it runs on the blocking executor. A request whose API key
 * the credential cache holds as recently valid skips it, and with it the thread hop: Micronaut asks
 * every filter's {@link #isEnabled} once, before the chain runs, so that is where the cache is
 * consulted; the caller is left in the request there, and {@link CachedCredentialFilter} applies
 * the per-credential rate limit to such a request on the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiKeyAuthenticationFilter implements Ordered, ConditionalFilter {
    // the web console's page and files are public: it signs in with an API key against the API
    private static final List<String> PUBLIC_PREFIXES =
            List.of("/health", "/docs", "/swagger", "/swagger-ui", "/console");
    private static final List<String> PUBLIC_PATHS = List.of("/prometheus", "/openapi.yml", "/");

    private final Authenticate authenticate;
    private final AuthenticateIdentityToken identityTokens;
    private final RateLimits limits;

    ApiKeyAuthenticationFilter(
            Authenticate authenticate, @Nullable AuthenticateIdentityToken identityTokens, RateLimits limits) {
        this.authenticate = authenticate;
        this.identityTokens = identityTokens;
        this.limits = limits;
    }

    static final int ORDER = HIGHEST_PRECEDENCE + 100;

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Request attribute: the rate-limit credential of a caller admitted from the cache. */
    static final String CACHED_CREDENTIAL = "atelier.cached-credential";

    /**
     * False (skip this filter) for a request whose API key the cache holds as recently valid (the
     * secret compared as always); the decision and the caller are recorded in the request, so that
     * it is taken once. Everything else — public paths, missing or unusable credentials, identity
     * tokens, an address blocked after failed attempts, keys not in the cache — runs this filter.
     */
    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        if (request.getAttribute(CACHED_CREDENTIAL).isPresent()) {
            return false;
        }
        if (isPublic(request.getPath())) {
            return true;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<String> presented = Credentials.apiKey(authorization);
        if (presented.isEmpty()
                || (identityTokens != null && isBearer(authorization) && identityTokens.handles(presented.get()))
                || limits.failedAuthBlocked(clientAddress(request)).isPresent()) {
            return true;
        }
        Optional<User> cached = authenticate.cached(presented.get());
        if (cached.isEmpty()) {
            return true;
        }
        Callers.set(request, cached.get());
        request.setAttribute(CACHED_CREDENTIAL, keyCredential(presented.get()));
        return false;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (isPublic(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        var presented = Credentials.apiKey(authorization);
        if (presented.isEmpty()) {
            return unauthorized(
                    request,
                    "missing or unusable credentials: send 'Authorization: Bearer <api key>' (or HTTP Basic with the "
                            + "API key as user name and an empty password)");
        }
        String address = clientAddress(request);
        Optional<Duration> blocked = limits.failedAuthBlocked(address);
        if (blocked.isPresent()) {
            return tooManyRequests(request, blocked.get(), "too many failed authentication attempts from this address");
        }
        User caller;
        String credential;
        try {
            if (identityTokens != null && isBearer(authorization) && identityTokens.handles(presented.get())) {
                caller = identityTokens.withToken(presented.get());
                credential = "user:" + caller.id().value();
            } else {
                caller = authenticate.withApiKey(presented.get());
                credential = keyCredential(presented.get());
            }
        } catch (UnauthenticatedException refused) {
            limits.failedAuth(address);
            return unauthorized(request, "invalid or revoked credentials");
        }
        return admit(request, caller, credential);
    }

    /** Leaves the caller in the request, or answers 429 when the credential is over its allowance. */
    @Nullable
    private HttpResponse<?> admit(HttpRequest<?> request, User caller, String credential) {
        Callers.set(request, caller);
        return rateLimited(request, credential, limits);
    }

    /** 429 when the credential is over its allowance, else null. */
    @Nullable
    static HttpResponse<?> rateLimited(HttpRequest<?> request, String credential, RateLimits limits) {
        Optional<Duration> wait = limits.request(credential);
        if (wait.isPresent()) {
            return tooManyRequests(request, wait.get(), "too many requests for this credential");
        }
        return null;
    }

    private static String keyCredential(String presented) {
        return "key:" + ApiKeyToken.fromPresented(presented.strip()).keyId();
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

    private static boolean isBearer(String authorization) {
        return authorization.strip().toLowerCase(Locale.ROOT).startsWith("bearer ");
    }

    /** The peer's address as the server sees it (behind a proxy: the proxy's). */
    private static String clientAddress(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? "unknown" : remote.getHostString();
    }

    private static HttpResponse<?> unauthorized(HttpRequest<?> request, String message) {
        return ErrorResponses.of(request, HttpStatus.UNAUTHORIZED, message)
                .header(HttpHeaders.WWW_AUTHENTICATE, Dialect.of(request).challenge());
    }

    private static HttpResponse<?> tooManyRequests(HttpRequest<?> request, Duration wait, String message) {
        long seconds = RateLimits.retryAfterSeconds(wait);
        return ErrorResponses.of(request, HttpStatus.TOO_MANY_REQUESTS, message + "; retry after " + seconds + " s")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
