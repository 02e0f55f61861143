package dev.atelier.domain.error;

/** The change collides with existing state (duplicate name, duplicate id). */
public sealed class ConflictException extends DomainException permits StaleVersionException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
