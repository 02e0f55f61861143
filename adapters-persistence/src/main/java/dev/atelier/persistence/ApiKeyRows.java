package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Row access to {@code api_keys}; the SQL is generated per dialect by the two sub-interfaces. */
interface ApiKeyRows extends GenericRepository<ApiKeyRows.ApiKeyRow, String> {

    @MappedEntity(value = "api_keys", escape = false)
    record ApiKeyRow(
            @Id String id,
            String userId,
            String secretHash,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            boolean revoked) {}

    void insert(ApiKeyRow row);

    Optional<ApiKeyRow> findById(String id);

    long updateLastUsedAt(@Id String id, Instant lastUsedAt);

    long updateRevoked(@Id String id, boolean revoked);

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends ApiKeyRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends ApiKeyRows {}
}
