package dev.atelier.http.error;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.RateLimitedException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/** The one mapping from the domain error hierarchy to HTTP status codes. */
public final class DomainErrorStatus {
    private DomainErrorStatus() {}

    public static HttpStatus of(DomainException error, HttpRequest<?> request) {
        if (error instanceof StaleVersionException) {
            // a failed If-Match precondition is 412; an optimistic-lock conflict without one is 409
            boolean conditional = request != null && request.getHeaders().contains(HttpHeaders.IF_MATCH);
            return conditional ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        }
        if (error instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (error instanceof UnauthenticatedException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (error instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (error instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (error instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (error instanceof PayloadTooLargeException) {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        if (error instanceof UnsupportedContentException) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        if (error instanceof UnreadableContentException) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (error instanceof RateLimitedException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (error instanceof DependencyUnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
