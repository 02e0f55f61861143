package dev.atelier.application.account;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.IdentityTokenVerifier;
import dev.atelier.domain.port.IdentityTokenVerifier.VerifiedIdentity;
import dev.atelier.domain.port.UserRepository;

/**
 * Resolves the caller from an identity provider's token (optional, for installations that have
 * one): the verifier proves the token, and its user claim (an email) must name a registered user.
 * Unknown users are refused like a bad token; nobody is created on the fly.
 */
public final class AuthenticateIdentityToken {
    private static final String REFUSED = "missing or invalid credentials";

    private final IdentityTokenVerifier verifier;
    private final UserRepository users;

    public AuthenticateIdentityToken(IdentityTokenVerifier verifier, UserRepository users) {
        this.verifier = verifier;
        this.users = users;
    }

    /** Whether {@code token} is for this use case rather than an API key. */
    public boolean handles(String token) {
        return token != null && token.length() <= 16_384 && verifier.handles(token);
    }

    public User withToken(String token) {
        if (!handles(token)) {
            throw new UnauthenticatedException(REFUSED);
        }
        VerifiedIdentity identity = verifier.verify(token);
        String email;
        try {
            email = User.normalizeEmail(identity.userClaim());
        } catch (InvalidInputException notAnEmail) {
            throw new UnauthenticatedException(REFUSED);
        }
        return users.findByEmail(email).orElseThrow(() -> new UnauthenticatedException(REFUSED));
    }
}
