package dev.atelier.domain.error;

/** A file has a supported type but cannot be read: encrypted, corrupt, bomb-like or too slow. */
public final class UnreadableContentException extends DomainException {
    public UnreadableContentException(String message) {
        super(message);
    }

    public UnreadableContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
