package dev.atelier.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.CredentialCache.VerifiedKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory cache of verified keys: what it answers, and that a revocation wins any race. */
class CaffeineCredentialCacheTest {
    private final User ann = new User(new UserId("ann"), "ann@example.com", "Ann", null, false, Instant.EPOCH);
    private final CaffeineCredentialCache cache = new CaffeineCredentialCache(Duration.ofMinutes(1), 100);

    @Test
    void a_remembered_key_is_found_until_it_is_forgotten() {
        cache.remember(new VerifiedKey("k1", "hash", ann));

        assertThat(cache.find("k1")).map(VerifiedKey::user).contains(ann);
        assertThat(cache.find("k2")).isEmpty();

        cache.forget("k1");

        assertThat(cache.find("k1")).isEmpty();
    }

    @Test
    void a_verification_that_read_the_key_before_its_revocation_cannot_put_it_back() {
        cache.forget("k1");

        cache.remember(new VerifiedKey("k1", "hash", ann));

        assertThat(cache.find("k1")).isEmpty();
    }
}
