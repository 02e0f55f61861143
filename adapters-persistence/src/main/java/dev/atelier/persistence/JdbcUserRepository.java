package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.UserRepository;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@Singleton
final class JdbcUserRepository implements UserRepository {
    private static final String COLUMNS = "id, email, name, organization, is_admin, created_at";

    private final Db db;

    JdbcUserRepository(Db db) {
        this.db = db;
    }

    @Override
    public void insert(User user) {
        db.write(c -> {
            if (Db.exists(
                    c,
                    "SELECT 1 FROM users WHERE id = ?",
                    ps -> ps.setString(1, user.id().value()))) {
                throw new ConflictException("user id " + user.id() + " is already in use");
            }
            if (Db.exists(c, "SELECT 1 FROM users WHERE email = ?", ps -> ps.setString(1, user.email()))) {
                throw conflictOnEmail(user);
            }
            try {
                Db.guardedUpdate(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, user.id().value());
                    ps.setString(2, user.email());
                    ps.setString(3, user.name());
                    ps.setString(4, user.organization());
                    ps.setBoolean(5, user.admin());
                    Db.setInstant(ps, 6, user.createdAt());
                });
            } catch (SQLException e) {
                if (Failures.isUniqueViolation(e)) {
                    throw conflictOnEmail(user);
                }
                throw e;
            }
            return null;
        });
    }

    private static ConflictException conflictOnEmail(User user) {
        return new ConflictException("a user with email " + user.email() + " already exists");
    }

    @Override
    public Optional<User> findById(UserId id) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM users WHERE id = ?",
                ps -> ps.setString(1, id.value()),
                JdbcUserRepository::map));
    }

    @Override
    public Optional<User> findByEmail(String normalizedEmail) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM users WHERE email = ?",
                ps -> ps.setString(1, normalizedEmail),
                JdbcUserRepository::map));
    }

    @Override
    public long count() {
        return db.read(c -> Db.count(c, "SELECT COUNT(*) FROM users", ps -> {}));
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(
                new UserId(rs.getString("id")),
                rs.getString("email"),
                rs.getString("name"),
                rs.getString("organization"),
                rs.getBoolean("is_admin"),
                Db.getInstant(rs, "created_at"));
    }
}
