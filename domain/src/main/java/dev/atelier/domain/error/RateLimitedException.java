package dev.atelier.domain.error;

/** The caller sent more requests than its allowance. */
public class RateLimitedException extends DomainException {
    public RateLimitedException(String message) {
        super(message);
    }

    public RateLimitedException(String message, Throwable cause) {
        super(message, cause);
    }
}
