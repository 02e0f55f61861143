package dev.atelier.domain.error;

/** A file's detected media type is not one Atelier can read. */
public final class UnsupportedContentException extends DomainException {
    public UnsupportedContentException(String message) {
        super(message);
    }

    public UnsupportedContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
