package dev.atelier.domain.error;

/**
 * Root of every error that Atelier's core raises on purpose. Each subtype names a kind of failure
 * that a caller can act on; only the HTTP adapter turns them into status codes. Messages are meant
 * for the caller: they say what is wrong and never carry SQL, stack traces or file paths.
 *
 * <p>The hierarchy is sealed, so the HTTP adapter's mapping is an exhaustive switch: a new kind of
 * failure does not compile until it has a status.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ConflictException,
                DependencyUnavailableException,
                ForbiddenException,
                InvalidInputException,
                NotFoundException,
                PayloadTooLargeException,
                TooManyResultsException,
                UnauthenticatedException,
                UnreadableContentException,
                UnsupportedContentException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
