package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.persistence.ApiKeyRows.ApiKeyRow;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcApiKeyRepository implements ApiKeyRepository {
    private final Db db;
    private final ApiKeyRows rows;

    JdbcApiKeyRepository(Db db, ApiKeyRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void insert(ApiKey key) {
        db.write(c -> {
            try {
                Db.guarded(c, () -> {
                    rows.insert(new ApiKeyRow(
                            key.id(),
                            key.userId().value(),
                            key.secretHash(),
                            Db.micros(key.createdAt()),
                            Db.micros(key.lastUsedAt()),
                            key.revoked()));
                    return null;
                });
            } catch (RuntimeException e) {
                if (Db.isUniqueViolation(e)) {
                    throw new ConflictException("API key " + key.id() + " already exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKey> findById(String keyId) {
        return db.read(c -> rows.findById(keyId)
                .map(r -> new ApiKey(
                        r.id(), new UserId(r.userId()), r.secretHash(), r.createdAt(), r.lastUsedAt(), r.revoked())));
    }

    @Override
    public void recordUse(String keyId, Instant when) {
        db.write(c -> rows.updateLastUsedAt(keyId, Db.micros(when)));
    }

    @Override
    public boolean revoke(String keyId) {
        return db.write(c -> rows.updateRevoked(keyId, true) > 0);
    }

    @Override
    public List<ApiKey> findByUserIds(Collection<UserId> users) {
        List<String> ids = Db.sortedDistinct(users, UserId::value);
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<ApiKey> keys = new ArrayList<>();
            for (List<String> chunk : Db.chunks(ids)) {
                keys.addAll(Db.query(
                        c,
                        "SELECT id, user_id, secret_hash, created_at, last_used_at, revoked FROM api_keys"
                                + " WHERE user_id IN (" + Db.placeholders(chunk.size()) + ")"
                                + " ORDER BY user_id, created_at, id",
                        ps -> Db.bindStrings(ps, 1, chunk),
                        rs -> new ApiKey(
                                rs.getString("id"),
                                new UserId(rs.getString("user_id")),
                                rs.getString("secret_hash"),
                                Db.getInstant(rs, "created_at"),
                                Db.getInstant(rs, "last_used_at"),
                                rs.getBoolean("revoked"))));
            }
            return keys;
        });
    }
}
