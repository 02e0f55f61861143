package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Row access to {@code project_events}; the SQL is generated per dialect by the two sub-interfaces. */
interface EventRows extends GenericRepository<EventRows.EventRow, String> {
    Sort TIMELINE = Sort.of(Sort.Order.asc("happenedAt"), Sort.Order.asc("id"));

    @MappedEntity(value = "project_events", escape = false)
    record EventRow(
            @Id String id,
            String projectId,
            String type,
            String name,
            @Nullable String actorId,
            Instant happenedAt,
            String details) {}

    void insert(EventRow row);

    List<EventRow> findByProjectId(String projectId, Sort sort);

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends EventRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends EventRows {}
}
