package dev.atelier.http.config;

import dev.atelier.application.account.Authenticate;
import dev.atelier.application.account.BootstrapAdmin;
import dev.atelier.application.account.CreateUser;
import dev.atelier.application.account.IssueApiKey;
import dev.atelier.application.account.RevokeApiKey;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root for accounts: users, API keys, authentication and the bootstrap admin. */
@Factory
class AccountUseCases {

    @Singleton
    Authenticate authenticate(ApiKeyRepository keys, UserRepository users, Clock clock) {
        return new Authenticate(keys, users, clock);
    }

    @Singleton
    IssueApiKey issueApiKey(ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock) {
        return new IssueApiKey(keys, users, uow, clock);
    }

    @Singleton
    CreateUser createUser(UserRepository users, IssueApiKey issueKey, UnitOfWork uow, IdGenerator ids, Clock clock) {
        return new CreateUser(users, issueKey, uow, ids, clock);
    }

    @Singleton
    RevokeApiKey revokeApiKey(ApiKeyRepository keys) {
        return new RevokeApiKey(keys);
    }

    @Singleton
    BootstrapAdmin bootstrapAdmin(
            UserRepository users, ApiKeyRepository keys, IssueApiKey issueKey, UnitOfWork uow, Clock clock) {
        return new BootstrapAdmin(users, keys, issueKey, uow, clock);
    }
}
