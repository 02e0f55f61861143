package dev.atelier.http.ops;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id: the caller's {@code X-Request-Id} when it is sane (1 to 64 characters of
 * {@code [A-Za-z0-9._-]}), otherwise a new random one. {@link RequestIdFilter} assigns it to every
 * request, answers it in the {@code X-Request-Id} header, and puts it in the logging context
 * ({@link #MDC_KEY}) so that every log line written while serving the request carries it.
 */
public final class RequestId {
    public static final String HEADER = "X-Request-Id";
    /** Name of the request attribute holding the id. */
    public static final String ATTRIBUTE = "atelier.request-id";
    /** Key of the id in the SLF4J MDC (and so in every log line, JSON logs included). */
    public static final String MDC_KEY = "request_id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {}

    /** The id assigned to {@code request} by the filter, if it went through it. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request == null ? Optional.empty() : request.getAttribute(ATTRIBUTE, String.class);
    }

    static boolean sane(String presented) {
        return presented != null && SANE.matcher(presented).matches();
    }

    static String choose(String presented) {
        return sane(presented) ? presented : UUID.randomUUID().toString();
    }
}
