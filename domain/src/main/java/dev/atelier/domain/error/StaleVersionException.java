package dev.atelier.domain.error;

/** An optimistic-lock check failed: the thing changed since the caller read it. */
public final class StaleVersionException extends ConflictException {
    public StaleVersionException(String message) {
        super(message);
    }

    public StaleVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
