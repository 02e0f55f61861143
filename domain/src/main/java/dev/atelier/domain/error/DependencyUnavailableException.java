package dev.atelier.domain.error;

/** A dependency that the operation needs (database, provider) is down. */
public final class DependencyUnavailableException extends DomainException {
    public DependencyUnavailableException(String message) {
        super(message);
    }

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
