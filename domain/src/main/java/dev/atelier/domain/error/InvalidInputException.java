package dev.atelier.domain.error;

/** The request is malformed or breaks a rule of the model (name too long, bad id, unknown scope...). */
public final class InvalidInputException extends DomainException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
