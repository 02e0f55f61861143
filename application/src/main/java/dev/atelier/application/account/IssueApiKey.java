package dev.atelier.application.account;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.ApiKeyToken;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;

/** Issues a new API key for a user. The token is returned once and only its hash is stored. */
public final class IssueApiKey {
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final UnitOfWork uow;
    private final Clock clock;

    public IssueApiKey(ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.uow = uow;
        this.clock = clock;
    }

    public record Issued(String keyId, String token) {
        @Override
        public String toString() {
            return "Issued[" + keyId + "]";
        }
    }

    /** An administrator asks for a key for {@code userId}. */
    public Issued execute(User admin, String userId) {
        if (!admin.admin()) {
            throw new ForbiddenException("only administrators may issue API keys");
        }
        UserId id = UserId.of(userId);
        return uow.inTransaction(() -> {
            users.findById(id).orElseThrow(() -> new NotFoundException("user " + userId + " not found"));
            return issueFor(id);
        });
    }

    Issued issueFor(UserId user) {
        return store(user, ApiKeyToken.generate());
    }

    /** Stores the given token's hash for {@code user}; used for the operator-chosen bootstrap key. */
    Issued store(UserId user, ApiKeyToken token) {
        keys.insert(new ApiKey(token.keyId(), user, token.secretHash(), clock.instant(), null, false));
        return new Issued(token.keyId(), token.value());
    }
}
