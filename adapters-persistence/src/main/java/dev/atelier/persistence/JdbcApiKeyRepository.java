package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.ApiKeyRepository;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

@Singleton
final class JdbcApiKeyRepository implements ApiKeyRepository {
    private final Db db;

    JdbcApiKeyRepository(Db db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey key) {
        db.write(c -> {
            try {
                Db.guardedUpdate(
                        c,
                        "INSERT INTO api_keys (id, user_id, secret_hash, created_at, last_used_at, revoked)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        ps -> {
                            ps.setString(1, key.id());
                            ps.setString(2, key.userId().value());
                            ps.setString(3, key.secretHash());
                            Db.setInstant(ps, 4, key.createdAt());
                            Db.setInstant(ps, 5, key.lastUsedAt());
                            ps.setBoolean(6, key.revoked());
                        });
            } catch (SQLException e) {
                if (Failures.isUniqueViolation(e)) {
                    throw new ConflictException("API key " + key.id() + " already exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKey> findById(String keyId) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT id, user_id, secret_hash, created_at, last_used_at, revoked FROM api_keys WHERE id = ?",
                ps -> ps.setString(1, keyId),
                rs -> new ApiKey(
                        rs.getString("id"),
                        new UserId(rs.getString("user_id")),
                        rs.getString("secret_hash"),
                        Db.getInstant(rs, "created_at"),
                        Db.getInstant(rs, "last_used_at"),
                        rs.getBoolean("revoked"))));
    }

    @Override
    public void recordUse(String keyId, Instant when) {
        db.write(c -> Db.update(c, "UPDATE api_keys SET last_used_at = ? WHERE id = ?", ps -> {
            Db.setInstant(ps, 1, when);
            ps.setString(2, keyId);
        }));
    }

    @Override
    public boolean revoke(String keyId) {
        return db.write(
                c -> Db.update(c, "UPDATE api_keys SET revoked = TRUE WHERE id = ?", ps -> ps.setString(1, keyId)) > 0);
    }
}
