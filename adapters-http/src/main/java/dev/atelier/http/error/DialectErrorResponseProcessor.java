package dev.atelier.http.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Micronaut's own failures (unknown route, wrong method, unsupported media type, malformed JSON,
 * wrong types, missing body or parameters, request too large) in the dialect's error shape. It
 * replaces Micronaut's default processor, so every built-in exception handler answers in the
 * request's dialect; server-side failures never reveal their cause.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class DialectErrorResponseProcessor implements ErrorResponseProcessor<Object> {
    private static final Pattern LAST_NUMBER = Pattern.compile(".*\\[(\\d+)]");

    private final long maxRequestSize;
    private final long maxFileSize;
    private final long maxBufferedSize;

    DialectErrorResponseProcessor(
            @Value("${micronaut.server.max-request-size}") long maxRequestSize,
            @Value("${micronaut.server.multipart.max-file-size}") long maxFileSize,
            @Value("${micronaut.server.max-request-buffer-size}") long maxBufferedSize) {
        this.maxRequestSize = maxRequestSize;
        this.maxFileSize = maxFileSize;
        this.maxBufferedSize = maxBufferedSize;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus status = context.getRootCause()
                        .flatMap(JsonErrors::find)
                        .filter(JsonErrors::isDocumentTooLong)
                        .isPresent()
                ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
                : response.getStatus();
        String tooLarge = tooLarge(context.getRootCause().orElse(null), status);
        return ErrorResponses.fill(
                request, response, status, tooLarge != null ? tooLarge : message(context, request, status));
    }

    /**
     * Our words for a body over a limit, naming the limit and its setting (Micronaut's own message
     * is a hint to the developer); null when {@code cause} is no such refusal.
     */
    private String tooLarge(Throwable cause, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            return null;
        }
        if (cause instanceof BufferLengthExceededException
                || cause != null
                        && JsonErrors.find(cause)
                                .filter(JsonErrors::isDocumentTooLong)
                                .isPresent()) {
            return "a JSON or form body may be at most " + maxBufferedSize
                    + " bytes (atelier.json.max-document-length)";
        }
        if (cause instanceof ContentLengthExceededException) {
            Matcher limit = LAST_NUMBER.matcher(String.valueOf(cause.getMessage()));
            if (limit.lookingAt() && Long.parseLong(limit.group(1)) == maxFileSize && maxFileSize != maxRequestSize) {
                return "an uploaded file may be at most " + maxFileSize
                        + " bytes (micronaut.server.multipart.max-file-size)";
            }
            return "a request body may be at most " + maxRequestSize + " bytes (micronaut.server.max-request-size)";
        }
        return null;
    }

    private static String message(ErrorContext context, HttpRequest<?> request, HttpStatus status) {
        Optional<Throwable> cause = context.getRootCause();
        if (status.getCode() >= 500) {
            String id = RequestIds.logFailure(request, cause.orElse(null));
            return RequestIds.genericMessage(id);
        }
        if (cause.isPresent()) {
            var json = JsonErrors.find(cause.get());
            if (json.isPresent()) {
                return JsonErrors.describe(json.get());
            }
        }
        if (status == HttpStatus.NOT_FOUND) {
            return "no such endpoint: " + request.getMethodName() + " " + request.getPath();
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return notAllowed(request, cause.orElse(null));
        }
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE && cause.orElse(null) instanceof UnsupportedMediaException m) {
            return unsupportedMedia(request, m);
        }
        String detail = context.getErrors().stream()
                .map(Error::getMessage)
                .filter(m -> m != null && !m.isBlank())
                .findFirst()
                .orElse(status.getReason());
        return sanitize(detail);
    }

    /** Our words for a wrong method; the allowed ones are also in the answer's Allow header. */
    private static String notAllowed(HttpRequest<?> request, Throwable cause) {
        String message = request.getMethodName() + " is not allowed on " + request.getPath();
        if (cause instanceof NotAllowedException n && !n.getAllowedMethods().isEmpty()) {
            message += "; use " + String.join(", ", new TreeSet<>(n.getAllowedMethods()));
        }
        return message;
    }

    /** Our words for a body of a type the operation does not read, and what it reads instead. */
    private static String unsupportedMedia(HttpRequest<?> request, UnsupportedMediaException m) {
        String sent = m.getContentType() == null || m.getContentType().isBlank()
                ? "a body without a content type"
                : "content type '" + clip(m.getContentType()) + "'";
        String message = request.getMethodName() + " " + request.getPath() + " does not accept " + sent;
        if (!m.getAcceptableContentTypes().isEmpty()) {
            message += "; send " + String.join(" or ", new TreeSet<>(m.getAcceptableContentTypes()));
        }
        return message;
    }

    private static String clip(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }

    /** Micronaut's messages name arguments and values; keep them, but never Java internals. */
    private static String sanitize(String message) {
        String cleaned = message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*", "value");
        int newline = cleaned.indexOf('\n');
        cleaned = newline > 0 ? cleaned.substring(0, newline) : cleaned;
        return cleaned.length() > 300 ? cleaned.substring(0, 300) + "…" : cleaned;
    }
}
