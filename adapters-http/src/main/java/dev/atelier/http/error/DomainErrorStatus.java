package dev.atelier.http.error;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.error.TooManyResultsException;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/** The one mapping from the (sealed) domain error hierarchy to HTTP status codes: an exhaustive switch. */
public final class DomainErrorStatus {
    private DomainErrorStatus() {}

    public static HttpStatus of(DomainException error, HttpRequest<?> request) {
        return switch (error) {
            // a failed If-Match precondition is 412; an optimistic-lock conflict without one is 409
            case StaleVersionException stale ->
                request != null && request.getHeaders().contains(HttpHeaders.IF_MATCH)
                        ? HttpStatus.PRECONDITION_FAILED
                        : HttpStatus.CONFLICT;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            case InvalidInputException invalid -> HttpStatus.BAD_REQUEST;
            case UnauthenticatedException unauthenticated -> HttpStatus.UNAUTHORIZED;
            case ForbiddenException forbidden -> HttpStatus.FORBIDDEN;
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case PayloadTooLargeException tooLarge -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            // an answer without paging that would be too large: the same status as a too-large request
            case TooManyResultsException tooMany -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UnsupportedContentException unsupported -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UnreadableContentException unreadable -> HttpStatus.UNPROCESSABLE_ENTITY;
            case DependencyUnavailableException unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
