package dev.atelier.domain.error;

/**
 * A listing would hold more results than the caller's interface can take in one answer (one without
 * paging): the caller has to narrow it down.
 */
public final class TooManyResultsException extends DomainException {
    public TooManyResultsException(String message) {
        super(message);
    }
}
