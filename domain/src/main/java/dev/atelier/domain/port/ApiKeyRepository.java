package dev.atelier.domain.port;

import dev.atelier.domain.model.ApiKey;
import java.time.Instant;
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
}
