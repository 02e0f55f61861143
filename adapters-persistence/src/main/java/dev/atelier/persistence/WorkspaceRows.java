package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Row access to {@code workspaces}; the SQL is generated per dialect by the two sub-interfaces.
 * The metadata column holds JSON text (see {@link Json}); H2's generated {@code default_owner}
 * column is left to the database.
 */
interface WorkspaceRows extends GenericRepository<WorkspaceRows.WorkspaceRow, String> {
    Sort OLDEST_FIRST = Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    @MappedEntity(value = "workspaces", escape = false)
    record WorkspaceRow(
            @Id String id,
            String name,
            @Nullable String description,
            String metadata,
            String ownerId,
            @Nullable String organization,
            String scope,
            @MappedProperty("is_default") boolean defaultWorkspace,
            Instant createdAt,
            Instant updatedAt) {}

    void insert(WorkspaceRow row);

    boolean existsById(String id);

    Optional<WorkspaceRow> findById(String id);

    Optional<WorkspaceRow> findByOwnerIdAndDefaultWorkspaceTrue(String ownerId);

    List<WorkspaceRow> findByOwnerId(String ownerId, Sort sort);

    List<WorkspaceRow> findByOrganizationAndScope(String organization, String scope, Sort sort);

    long update(
            @Id String id, String name, @Nullable String description, String metadata, String scope, Instant updatedAt);

    @Query("SELECT COUNT(*) FROM projects WHERE workspace_id = :workspaceId")
    long countProjects(String workspaceId);

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends WorkspaceRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends WorkspaceRows {}
}
