package dev.atelier.application.account;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.CredentialCache;

/**
 * An administrator revokes an API key; the key stops working at once on this instance (its cached
 * verification is forgotten too). Other instances stop accepting it when their cache entry
 * expires.
 */
public final class RevokeApiKey {
    private final ApiKeyRepository keys;
    private final CredentialCache cache;

    public RevokeApiKey(ApiKeyRepository keys) {
        this(keys, CredentialCache.none());
    }

    public RevokeApiKey(ApiKeyRepository keys, CredentialCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    public void execute(User admin, String keyId) {
        if (!admin.admin()) {
            throw new ForbiddenException("only administrators may revoke API keys");
        }
        Ids.require("key_id", keyId);
        // forgotten before and after: an authentication that read the key just before the revocation
        // committed cannot put it back (the cache refuses to remember a forgotten key for a while)
        cache.forget(keyId);
        if (!keys.revoke(keyId)) {
            throw new NotFoundException("API key " + keyId + " not found");
        }
        cache.forget(keyId);
    }
}
