package dev.atelier.http.error;

import dev.atelier.http.ops.RequestId;
import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Correlates a generic 500 answer with the full failure in the server log, by the request id the
 * ops filter assigned ({@link RequestId}, also answered as X-Request-Id).
 */
final class RequestIds {
    private static final Logger LOG = LoggerFactory.getLogger("dev.atelier.http.errors");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private RequestIds() {}

    /** Logs {@code failure} with the request id (the caller's X-Request-Id when sane) and returns the id. */
    static String logFailure(HttpRequest<?> request, Throwable failure) {
        String presented = request == null ? null : request.getHeaders().get("X-Request-Id");
        String id = RequestId.of(request)
                .orElseGet(() -> presented != null && SAFE.matcher(presented).matches()
                        ? presented
                        : UUID.randomUUID().toString());
        if (request == null) {
            LOG.error("request {} failed", id, failure);
        } else {
            LOG.error("request {} ({} {}) failed", id, request.getMethodName(), request.getPath(), failure);
        }
        return id;
    }

    static String genericMessage(String requestId) {
        return "internal server error (request id " + requestId + ")";
    }
}
