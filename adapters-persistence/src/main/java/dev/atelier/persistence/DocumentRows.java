package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Row access to {@code project_documents}; the SQL is generated per dialect by the two sub-interfaces. */
interface DocumentRows extends GenericRepository<DocumentRows.DocumentRow, String> {
    Sort OLDEST_FIRST = Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    @MappedEntity(value = "project_documents", escape = false)
    record DocumentRow(
            @Id String id,
            String projectId,
            String filename,
            String mediaType,
            long sizeBytes,
            @MappedProperty("sha256") String sha256,
            String textContent,
            @Nullable Integer pages,
            @Nullable Integer rowCount,
            @Nullable Integer columnCount,
            int characters,
            boolean truncated,
            boolean dataset,
            byte[] content,
            Instant createdAt) {}

    void insert(DocumentRow row);

    List<DocumentRow> findByProjectId(String projectId, Sort sort);

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends DocumentRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends DocumentRows {}
}
