package dev.atelier.application.account;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ApiKeyRepository;

/** An administrator revokes an API key; the key stops working at once. */
public final class RevokeApiKey {
    private final ApiKeyRepository keys;

    public RevokeApiKey(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public void execute(User admin, String keyId) {
        if (!admin.admin()) {
            throw new ForbiddenException("only administrators may revoke API keys");
        }
        Ids.require("key_id", keyId);
        if (!keys.revoke(keyId)) {
            throw new NotFoundException("API key " + keyId + " not found");
        }
    }
}
