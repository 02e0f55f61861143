package dev.atelier.domain.error;

/** The caller is known and may see the thing, but may not do this to it. */
public final class ForbiddenException extends DomainException {
    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
