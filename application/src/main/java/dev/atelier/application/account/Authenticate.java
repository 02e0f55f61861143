package dev.atelier.application.account;

import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.ApiKeyToken;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.CredentialCache;
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
    private final CredentialCache cache;

    public Authenticate(ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock) {
        this(keys, users, uow, clock, CredentialCache.none());
    }

    public Authenticate(
            ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock, CredentialCache cache) {
        this.keys = keys;
        this.users = users;
        this.uow = uow;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * The user the token belongs to. Unknown, revoked or malformed tokens all fail the same way, and
     * the secret is compared in constant time. A key recently found valid is answered from the
     * {@link CredentialCache} without reading the store; otherwise the key and its user are read in
     * one transaction and the key is remembered. The key's last-used time is written at most once a
     * minute ({@link ApiKey#useWorthRecording}), when the key is read from the store.
     */
    public User withApiKey(String presentedToken) {
        ApiKeyToken token = parse(presentedToken);
        Optional<User> remembered = fromCache(token);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        CredentialCache.VerifiedKey verified = uow.inTransaction(() -> verified(token));
        cache.remember(verified);
        return verified.user();
    }

    /**
     * The user of a token that the cache holds as recently valid, without touching the store (so
     * that a caller may answer it without leaving a non-blocking thread); empty when the store has
     * to be asked ({@link #withApiKey}), including for every invalid token.
     */
    public Optional<User> cached(String presentedToken) {
        if (!wellFormed(presentedToken)) {
            return Optional.empty();
        }
        return fromCache(ApiKeyToken.fromPresented(presentedToken.strip()));
    }

    private Optional<User> fromCache(ApiKeyToken token) {
        return cache.find(token.keyId())
                .filter(key -> token.matches(key.secretHash()))
                .map(CredentialCache.VerifiedKey::user);
    }

    private static boolean wellFormed(String presentedToken) {
        return presentedToken != null && !presentedToken.isBlank() && presentedToken.length() <= 512;
    }

    private static ApiKeyToken parse(String presentedToken) {
        if (!wellFormed(presentedToken)) {
            throw new UnauthenticatedException("missing or invalid credentials");
        }
        return ApiKeyToken.fromPresented(presentedToken.strip());
    }

    private CredentialCache.VerifiedKey verified(ApiKeyToken token) {
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
        User user = users.findById(key.get().userId())
                .orElseThrow(() -> new UnauthenticatedException("missing or invalid credentials"));
        return new CredentialCache.VerifiedKey(token.keyId(), key.get().secretHash(), user);
    }
}
