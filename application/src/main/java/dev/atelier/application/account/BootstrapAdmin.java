package dev.atelier.application.account;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.ApiKeyToken;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * Makes sure an installation can be administered from its first start: creates the bootstrap
 * administrator ({@value #ADMIN_EMAIL}) when missing, and makes the operator's chosen token work
 * for it. Without a chosen token, a key is generated on first start only and returned so that it
 * can be printed once.
 */
public final class BootstrapAdmin {
    public static final String ADMIN_EMAIL = "admin@atelier.local";
    public static final int MIN_TOKEN_LENGTH = 16;

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final IssueApiKey issueKey;
    private final UnitOfWork uow;
    private final Clock clock;

    public BootstrapAdmin(
            UserRepository users, ApiKeyRepository keys, IssueApiKey issueKey, UnitOfWork uow, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.issueKey = issueKey;
        this.uow = uow;
        this.clock = clock;
    }

    /**
     * @param chosenToken the operator's token (ATELIER_ADMIN_TOKEN), or empty
     * @return the generated token when one was generated (first start without a chosen token)
     */
    public Optional<String> ensureAdmin(Optional<String> chosenToken) {
        chosenToken.ifPresent(t -> {
            if (t.strip().length() < MIN_TOKEN_LENGTH) {
                throw new InvalidInputException(
                        "ATELIER_ADMIN_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        });
        return uow.inTransaction(() -> {
            Optional<User> existing = users.findByEmail(ADMIN_EMAIL);
            User admin = existing.orElseGet(() -> {
                User created = new User(new UserId("admin"), ADMIN_EMAIL, "Administrator", null, true, clock.instant());
                users.insert(created);
                return created;
            });
            if (chosenToken.isPresent()) {
                ApiKeyToken token = ApiKeyToken.fromPresented(chosenToken.get().strip());
                if (keys.findById(token.keyId()).isEmpty()) {
                    issueKey.store(admin.id(), token);
                }
                return Optional.empty();
            }
            if (existing.isEmpty()) {
                return Optional.of(issueKey.issueFor(admin.id()).token());
            }
            return Optional.empty();
        });
    }
}
