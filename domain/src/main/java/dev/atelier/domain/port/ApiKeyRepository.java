package dev.atelier.domain.port;

import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * API keys, stored as hashes only (the secret never reaches the store).
 *
 * <p>{@link #findById} returns revoked keys too; the caller decides. {@link #recordUse} may be
 * best-effort and lossy under load (it only feeds "last used" displays). {@link #revoke} is
 * idempotent and returns whether a key with that id exists.
 */
public interface ApiKeyRepository {
    void insert(ApiKey key);

    Optional<ApiKey> findById(String keyId);

    void recordUse(String keyId, Instant when);

    boolean revoke(String keyId);

    /**
     * Every key of {@code users}, revoked ones included, ordered by user id, then created_at, then
     * key id: the batch read behind an administrator's listing of users with their keys.
     */
    List<ApiKey> findByUserIds(Collection<UserId> users);
}
