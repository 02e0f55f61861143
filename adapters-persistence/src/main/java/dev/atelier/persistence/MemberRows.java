package dev.atelier.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Row access to {@code project_members} (key: project and user); the SQL is generated per
 * dialect by the two sub-interfaces. The member list joins {@code users} for email and name.
 */
interface MemberRows extends GenericRepository<MemberRows.MemberRow, MemberRows.MemberKey> {

    @Embeddable
    record MemberKey(
            @MappedProperty("project_id") String projectId,
            @MappedProperty("user_id") String userId) {}

    @MappedEntity(value = "project_members", escape = false)
    record MemberRow(@EmbeddedId MemberKey key, String role, Instant createdAt) {}

    /** A membership with the member's email and name (null when the user is gone). */
    @Introspected
    record ProfileRow(
            String projectId,
            String userId,
            String role,
            Instant createdAt,
            @Nullable String email,
            @Nullable String name) {}

    void insert(MemberRow row);

    Optional<MemberRow> findById(MemberKey key);

    long update(@Id MemberKey key, String role);

    long deleteById(MemberKey key);

    @Query("SELECT COUNT(*) FROM project_members WHERE project_id = :projectId")
    long countOf(String projectId);

    @Query("SELECT m.project_id, m.user_id, m.role, m.created_at, u.email, u.name"
            + " FROM project_members m LEFT JOIN users u ON u.id = m.user_id"
            + " WHERE m.project_id = :projectId ORDER BY m.created_at, m.user_id LIMIT :limit OFFSET :offset")
    List<ProfileRow> profiles(String projectId, int limit, long offset);

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.H2)
    @Requires(condition = DatabaseIs.H2.class)
    interface H2 extends MemberRows {}

    @JdbcRepository(dialect = io.micronaut.data.model.query.builder.sql.Dialect.POSTGRES)
    @Requires(condition = DatabaseIs.Postgres.class)
    interface Postgres extends MemberRows {}
}
