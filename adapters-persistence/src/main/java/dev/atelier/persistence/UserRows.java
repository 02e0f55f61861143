package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Row access to {@code users}; the SQL is generated per dialect by the two sub-interfaces. */
interface UserRows extends GenericRepository<UserRows.UserRow, String> {

    @MappedEntity(value = "users", escape = false)
    record UserRow(
            @Id String id,
            String email,
            String name,
            @Nullable String organization,
            @MappedProperty("is_admin") boolean admin,
            Instant createdAt) {}

    void insert(UserRow row);

    Optional<UserRow> findById(String id);

    Optional<UserRow> findByEmail(String email);

    boolean existsById(String id);

    boolean existsByEmail(String email);

    long count();

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends UserRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends UserRows {}
}
