package dev.atelier.http.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The last resort: anything no more specific handler claims is a 500 with a generic message and a
 * request id; the details (stack trace, SQL, paths) go to the server log only.
 */
@Singleton
@Produces
final class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        String requestId = RequestIds.logFailure(request, exception);
        return ErrorResponses.of(request, HttpStatus.INTERNAL_SERVER_ERROR, RequestIds.genericMessage(requestId));
    }
}
