package dev.atelier.domain.error;

/** The thing does not exist, or exists but the caller may not know it does. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
