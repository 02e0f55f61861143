package dev.atelier.domain.port;

import dev.atelier.domain.model.User;
import java.util.Optional;

/**
 * API keys recently found valid, so that authentication does not read the store on every request.
 * Entries live a short, bounded time: a key revoked on another instance keeps working here until
 * its entry expires. A key revoked through this instance is {@link #forget forgotten} at once.
 *
 * <p>Contract: {@link #remember} never resurrects a key that was {@link #forget forgotten} within
 * the entry lifetime (an authentication that read the key just before its revocation must not put
 * it back); {@link #find} returns only what was remembered and has not expired or been forgotten.
 */
public interface CredentialCache {

    /** A key read from the store as valid: its id, the hash of its secret, and its user as read. */
    record VerifiedKey(String keyId, String secretHash, User user) {}

    Optional<VerifiedKey> find(String keyId);

    void remember(VerifiedKey key);

    void forget(String keyId);

    /** No cache: every authentication reads the store. */
    static CredentialCache none() {
        return new CredentialCache() {
            @Override
            public Optional<VerifiedKey> find(String keyId) {
                return Optional.empty();
            }

            @Override
            public void remember(VerifiedKey key) {}

            @Override
            public void forget(String keyId) {}
        };
    }
}
