package dev.atelier.domain.error;

/** No credential, or one that does not identify a user. */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }

    public UnauthenticatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
