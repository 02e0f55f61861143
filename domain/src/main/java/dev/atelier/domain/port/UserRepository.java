package dev.atelier.domain.port;

import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Users. Emails are stored normalized (lower case) and are unique.
 *
 * <p>Errors: {@link dev.atelier.domain.error.ConflictException} when an email or id is taken;
 * {@link dev.atelier.domain.error.DependencyUnavailableException} when the store is down. Never
 * returns null.
 */
public interface UserRepository {
    void insert(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(String normalizedEmail);

    long count();

    /** One page of every user, oldest first (created_at, then id), for administrators' listings. */
    List<User> list(int limit, long offset);
}
