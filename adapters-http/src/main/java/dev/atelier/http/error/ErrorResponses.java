package dev.atelier.http.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Builds error answers in the dialect of the request. The single place that knows the error
 * shapes; controllers never build error bodies themselves, they throw domain exceptions.
 */
public final class ErrorResponses {
    private ErrorResponses() {}

    /** An error answer with {@code status} and {@code message} in the request's dialect. */
    public static MutableHttpResponse<Object> of(HttpRequest<?> request, HttpStatus status, String message) {
        return fill(request, HttpResponse.status(status), status, message);
    }

    /** Puts the dialect's error body for {@code status} and {@code message} into {@code response}. */
    public static MutableHttpResponse<Object> fill(
            HttpRequest<?> request, MutableHttpResponse<?> response, HttpStatus status, String message) {
        Dialect dialect = request == null ? Dialect.V1_ENVELOPE : Dialect.of(request);
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> typed = (MutableHttpResponse<Object>) response;
        return typed.status(status).body(dialect.errorBody(status, message)).contentType(dialect.errorMediaType());
    }
}
