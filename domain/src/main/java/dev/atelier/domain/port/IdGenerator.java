package dev.atelier.domain.port;

/**
 * Source of new identifiers. Contract: ids are unique across instances and time-ordered (a later
 * call on the same instance never yields a smaller id in lexical order), and match
 * {@link dev.atelier.domain.model.Ids}. {@link TimeOrderedIds} is the standard implementation.
 */
public interface IdGenerator {
    String newId();
}
