package dev.atelier.domain.port;

import java.util.Objects;

/**
 * Verifies a bearer token issued by an external identity provider (a signed JWT, say): signature,
 * algorithm, expiry, issuer and audience. Only an adapter knows the token format; the application
 * maps the verified identity to a registered user.
 */
public interface IdentityTokenVerifier {

    /**
     * The identity the token proves.
     *
     * @throws dev.atelier.domain.error.UnauthenticatedException when the token is malformed,
     *     unsigned, signed with another key, expired, or for another issuer or audience
     */
    VerifiedIdentity verify(String token);

    /** Whether {@code token} has the shape of the tokens this verifier handles (not that it is valid). */
    boolean handles(String token);

    /**
     * A verified identity: the token's subject, and the value of the claim that names the user (the
     * email, by default).
     */
    record VerifiedIdentity(String subject, String userClaim) {
        public VerifiedIdentity {
            Objects.requireNonNull(userClaim, "userClaim");
        }
    }
}
