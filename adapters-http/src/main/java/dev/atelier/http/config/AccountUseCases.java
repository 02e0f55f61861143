package dev.atelier.http.config;

import dev.atelier.application.account.Authenticate;
import dev.atelier.application.account.AuthenticateIdentityToken;
import dev.atelier.application.account.BootstrapAdmin;
import dev.atelier.application.account.CreateUser;
import dev.atelier.application.account.DescribeServer;
import dev.atelier.application.account.IssueApiKey;
import dev.atelier.application.account.ListUsers;
import dev.atelier.application.account.RevokeApiKey;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.CredentialCache;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.IdentityTokenVerifier;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import dev.atelier.http.security.CaffeineCredentialCache;
import dev.atelier.http.security.NimbusIdentityTokenVerifier;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Composition root for accounts: users, API keys, authentication and the bootstrap admin, and —
 * when {@code atelier.auth.jwt.enabled} — identity-provider tokens (HS256 secret or JWKS URL).
 */
@Factory
class AccountUseCases {

    /**
     * Verified API keys kept in memory for {@code atelier.auth.cache.ttl} (default 5 s; {@code 0s}
     * switches the cache off): a revocation made through another instance takes effect here within
     * that time, one made through this instance at once.
     */
    @Singleton
    CredentialCache credentialCache(
            @Value("${atelier.auth.cache.ttl:5s}") Duration ttl,
            @Value("${atelier.auth.cache.maximum-keys:10000}") long maximumKeys) {
        if (ttl.isZero() || ttl.isNegative() || maximumKeys <= 0) {
            return CredentialCache.none();
        }
        return new CaffeineCredentialCache(ttl, maximumKeys);
    }

    @Singleton
    Authenticate authenticate(
            ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock, CredentialCache cache) {
        return new Authenticate(keys, users, uow, clock, cache);
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
    RevokeApiKey revokeApiKey(ApiKeyRepository keys, CredentialCache cache) {
        return new RevokeApiKey(keys, cache);
    }

    @Singleton
    ListUsers listUsers(UserRepository users, ApiKeyRepository keys, UnitOfWork uow) {
        return new ListUsers(users, keys, uow);
    }

    @Singleton
    DescribeServer describeServer(InstallationFacts facts) {
        return new DescribeServer(facts);
    }

    @Singleton
    BootstrapAdmin bootstrapAdmin(
            UserRepository users, ApiKeyRepository keys, IssueApiKey issueKey, UnitOfWork uow, Clock clock) {
        return new BootstrapAdmin(users, keys, issueKey, uow, clock);
    }

    /** Created at start-up (@Context), so that a wrong JWT configuration stops the server at once. */
    @Context
    @Requires(property = "atelier.auth.jwt.enabled", value = "true")
    IdentityTokenVerifier identityTokenVerifier(
            @Value("${atelier.auth.jwt.secret:}") String secret,
            @Value("${atelier.auth.jwt.jwks-url:}") String jwksUrl,
            @Value("${atelier.auth.jwt.issuer:}") String issuer,
            @Value("${atelier.auth.jwt.audience:}") String audience,
            @Value("${atelier.auth.jwt.user-claim:email}") String userClaim) {
        boolean hasSecret = !secret.isBlank();
        boolean hasJwks = !jwksUrl.isBlank();
        if (hasSecret == hasJwks) {
            throw new IllegalStateException(
                    "atelier.auth.jwt.enabled needs exactly one of atelier.auth.jwt.secret (HS256) and "
                            + "atelier.auth.jwt.jwks-url");
        }
        return hasSecret
                ? NimbusIdentityTokenVerifier.hs256(secret, issuer, audience, userClaim)
                : NimbusIdentityTokenVerifier.jwks(jwksUrl, issuer, audience, userClaim);
    }

    @Singleton
    @Requires(beans = IdentityTokenVerifier.class)
    AuthenticateIdentityToken authenticateIdentityToken(IdentityTokenVerifier verifier, UserRepository users) {
        return new AuthenticateIdentityToken(verifier, users);
    }
}
