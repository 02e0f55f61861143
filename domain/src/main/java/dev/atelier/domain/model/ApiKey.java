package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: only the SHA-256 hash of its secret is kept. The token a user holds is
 * {@code atl_<id>_<secret>}; the id finds the row, the secret is compared by hash in constant time.
 */
public record ApiKey(
        String id, UserId userId, String secretHash, Instant createdAt, Instant lastUsedAt, boolean revoked) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
