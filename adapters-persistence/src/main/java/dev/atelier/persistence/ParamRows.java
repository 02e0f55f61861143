package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Row access to {@code project_params} (key: project and version); the SQL is generated per
 * dialect by the two sub-interfaces. The params column holds JSON text (see {@link Json}).
 */
interface ParamRows extends GenericRepository<ParamRows.ParamRow, ParamRows.ParamKey> {

    @Embeddable
    record ParamKey(
            @MappedProperty("project_id") String projectId,
            @MappedProperty("version") int version) {}

    @MappedEntity(value = "project_params", escape = false)
    record ParamRow(
            @EmbeddedId ParamKey key,
            String params,
            @Nullable String instruction,
            Instant createdAt) {}

    void insert(ParamRow row);

    @Query("SELECT * FROM project_params WHERE project_id = :projectId ORDER BY version")
    List<ParamRow> history(String projectId);

    @Query("SELECT * FROM project_params WHERE project_id = :projectId ORDER BY version DESC LIMIT 1")
    Optional<ParamRow> latest(String projectId);

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends ParamRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends ParamRows {}
}
