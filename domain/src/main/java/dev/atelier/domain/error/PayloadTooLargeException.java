package dev.atelier.domain.error;

/** A body, file or field is larger than the configured limit. */
public final class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String message) {
        super(message);
    }

    public PayloadTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
