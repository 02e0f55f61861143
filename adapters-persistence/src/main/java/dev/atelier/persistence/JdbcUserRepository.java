package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.UserRepository;
import dev.atelier.persistence.UserRows.UserRow;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcUserRepository implements UserRepository {
    private final Db db;
    private final UserRows rows;

    JdbcUserRepository(Db db, UserRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void insert(User user) {
        db.write(c -> {
            if (rows.existsById(user.id().value())) {
                throw new ConflictException("user id " + user.id() + " is already in use");
            }
            if (rows.existsByEmail(user.email())) {
                throw conflictOnEmail(user);
            }
            try {
                Db.guarded(c, () -> {
                    rows.insert(toRow(user));
                    return null;
                });
            } catch (RuntimeException e) {
                if (Db.isUniqueViolation(e)) {
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
        return db.read(c -> rows.findById(id.value()).map(JdbcUserRepository::toUser));
    }

    @Override
    public Optional<User> findByEmail(String normalizedEmail) {
        return db.read(c -> rows.findByEmail(normalizedEmail).map(JdbcUserRepository::toUser));
    }

    @Override
    public long count() {
        return db.read(c -> rows.count());
    }

    @Override
    public List<User> list(int limit, long offset) {
        return db.read(c -> Db.query(
                c,
                "SELECT id, email, name, organization, is_admin, created_at FROM users"
                        + " ORDER BY created_at, id LIMIT ? OFFSET ?",
                ps -> {
                    ps.setInt(1, limit);
                    ps.setLong(2, offset);
                },
                rs -> new User(
                        new UserId(rs.getString("id")),
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("organization"),
                        rs.getBoolean("is_admin"),
                        Db.getInstant(rs, "created_at"))));
    }

    private static UserRow toRow(User u) {
        return new UserRow(u.id().value(), u.email(), u.name(), u.organization(), u.admin(), Db.micros(u.createdAt()));
    }

    private static User toUser(UserRow r) {
        return new User(new UserId(r.id()), r.email(), r.name(), r.organization(), r.admin(), r.createdAt());
    }
}
