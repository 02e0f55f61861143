package dev.atelier.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.application.TestClocks;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.fake.InMemoryStore;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.ApiKeyToken;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Authentication records a key's last use at most once a minute, not on every request. */
class LastUsedTest {
    private final InMemoryStore store = new InMemoryStore();
    private final TestClocks.Movable clock = new TestClocks.Movable(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<Instant> writes = new ArrayList<>();
    private final List<String> keyReadsOutsideATransaction = new ArrayList<>();
    private int transactionsOpened;
    private boolean inTransaction;
    private final UnitOfWork transactions = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactionsOpened++;
            return store.inTransaction(() -> {
                inTransaction = true;
                try {
                    return work.get();
                } finally {
                    inTransaction = false;
                }
            });
        }
    };
    private final ApiKeyRepository countingKeys = new ApiKeyRepository() {
        @Override
        public void insert(ApiKey key) {
            store.apiKeys.insert(key);
        }

        @Override
        public Optional<ApiKey> findById(String keyId) {
            if (!inTransaction) {
                keyReadsOutsideATransaction.add(keyId);
            }
            return store.apiKeys.findById(keyId);
        }

        @Override
        public void recordUse(String keyId, Instant when) {
            writes.add(when);
            store.apiKeys.recordUse(keyId, when);
        }

        @Override
        public boolean revoke(String keyId) {
            return store.apiKeys.revoke(keyId);
        }

        @Override
        public java.util.List<ApiKey> findByUserIds(java.util.Collection<UserId> users) {
            return store.apiKeys.findByUserIds(users);
        }
    };
    private final Authenticate authenticate = new Authenticate(countingKeys, store.users, transactions, clock);

    private String keyFor(String name) {
        User user = new User(new UserId(name), name + "@example.com", name, null, false, clock.instant());
        store.users.insert(user);
        ApiKeyToken token = ApiKeyToken.generate();
        countingKeys.insert(new ApiKey(token.keyId(), user.id(), token.secretHash(), clock.instant(), null, false));
        return token.value();
    }

    @Test
    void many_requests_within_a_minute_write_the_last_used_time_once() {
        String token = keyFor("bob");
        for (int i = 0; i < 100; i++) {
            authenticate.withApiKey(token);
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(writes).containsExactly(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void the_last_used_time_moves_on_once_a_minute_has_passed() {
        String token = keyFor("ann");
        authenticate.withApiKey(token);
        clock.advance(Duration.ofSeconds(59));
        authenticate.withApiKey(token);
        clock.advance(Duration.ofSeconds(1));
        authenticate.withApiKey(token);
        assertThat(writes)
                .containsExactly(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:01:00Z"));
        ApiKey stored = store.apiKeys
                .findById(ApiKeyToken.parse(token).orElseThrow().keyId())
                .orElseThrow();
        assertThat(stored.lastUsedAt()).isEqualTo(Instant.parse("2026-03-01T10:01:00Z"));
    }

    @Test
    void each_authentication_reads_the_key_and_its_user_in_one_transaction() {
        String token = keyFor("joe");
        int before = transactionsOpened;
        authenticate.withApiKey(token);
        authenticate.withApiKey(token);
        authenticate.withApiKey(token);
        assertThat(transactionsOpened - before).isEqualTo(3);
        assertThat(keyReadsOutsideATransaction).isEmpty();
    }

    @Test
    void a_refused_key_records_no_use() {
        String token = keyFor("eve");
        ApiKeyToken parsed = ApiKeyToken.parse(token).orElseThrow();
        String forged = new ApiKeyToken(parsed.keyId(), ApiKeyToken.generate().secret()).value();
        assertThatThrownBy(() -> authenticate.withApiKey(forged)).isInstanceOf(UnauthenticatedException.class);
        assertThat(writes).isEmpty();
    }
}
