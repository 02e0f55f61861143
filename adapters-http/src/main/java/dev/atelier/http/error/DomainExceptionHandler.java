package dev.atelier.http.error;

import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.UnauthenticatedException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every {@link DomainException} thrown by a controller, filter or binder into the
 * dialect's error answer. Domain messages are written for callers and pass through as they are.
 */
@Singleton
@Produces
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DomainExceptionHandler.class);

    private final long retryAfterSeconds;

    DomainExceptionHandler(@Value("${atelier.http.retry-after-seconds:60}") long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        HttpStatus status = DomainErrorStatus.of(exception, request);
        if (status.getCode() >= 500) {
            LOG.warn("{} {} failed: {}", request.getMethodName(), request.getPath(), exception.getMessage());
        } else {
            LOG.debug(
                    "{} {} refused with {}: {}",
                    request.getMethodName(),
                    request.getPath(),
                    status.getCode(),
                    exception.getMessage());
        }
        MutableHttpResponse<Object> response = ErrorResponses.of(request, status, exception.getMessage());
        if (exception instanceof DependencyUnavailableException) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (exception instanceof UnauthenticatedException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, Dialect.of(request).challenge());
        }
        return response;
    }
}
