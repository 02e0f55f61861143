package dev.atelier.application.account;

import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.ApiKeyToken;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Resolves the caller from a presented API key: the one place every dialect authenticates. */
public final class Authenticate {
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final UnitOfWork uow;
    private final Clock clock;

    public Authenticate(ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.uow = uow;
        this.clock = clock;
    }

    /**
     * The user the token belongs to. Unknown, revoked or malformed tokens all fail the same way, and
     * the secret is compared in constant time. The key's last-used time is written at most once a
     * minute ({@link ApiKey#useWorthRecording}), never on every request. The key and its user are
     * read in one transaction: authentication runs on every request, so it costs one round of
     * database work, not one per lookup.
     */
    public User withApiKey(String presentedToken) {
        if (presentedToken == null || presentedToken.isBlank() || presentedToken.length() > 512) {
            throw new UnauthenticatedException("missing or invalid credentials");
        }
        ApiKeyToken token = ApiKeyToken.fromPresented(presentedToken.strip());
        return uow.inTransaction(() -> verified(token));
    }

    private User verified(ApiKeyToken token) {
        Optional<ApiKey> key = keys.findById(token.keyId());
        boolean valid = key.isPresent()
                && !key.get().revoked()
                && token.matches(key.get().secretHash());
        if (!valid) {
            throw new UnauthenticatedException("missing or invalid credentials");
        }
        Instant now = clock.instant();
        if (key.get().useWorthRecording(now)) {
            keys.recordUse(token.keyId(), now);
        }
        return users.findById(key.get().userId())
                .orElseThrow(() -> new UnauthenticatedException("missing or invalid credentials"));
    }
}
