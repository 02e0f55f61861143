package dev.atelier.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.domain.port.CredentialCache;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link CredentialCache} in this process's memory: at most {@code maximumKeys} keys, each for
 * {@code lifetime} after it was read from the store (so a revocation made through another instance
 * takes effect here within that time). A forgotten key leaves a marker for the same lifetime, and
 * {@link #remember} only fills an empty slot, so a verification that raced with the revocation
 * cannot bring the key back. Only keys found valid are ever stored, so invalid tokens cannot fill it.
 */
public final class CaffeineCredentialCache implements CredentialCache {
    private static final Object FORGOTTEN = new Object();

    private final Cache<String, Object> entries;

    public CaffeineCredentialCache(Duration lifetime, long maximumKeys) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maximumKeys)
                .build();
    }

    @Override
    public Optional<VerifiedKey> find(String keyId) {
        return entries.getIfPresent(keyId) instanceof VerifiedKey key ? Optional.of(key) : Optional.empty();
    }

    @Override
    public void remember(VerifiedKey key) {
        entries.asMap().putIfAbsent(key.keyId(), key);
    }

    @Override
    public void forget(String keyId) {
        entries.put(keyId, FORGOTTEN);
    }
}
