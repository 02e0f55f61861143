package dev.atelier.domain.port;

import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Workspaces.
 *
 * <p>Contract: {@link #insert} throws {@link dev.atelier.domain.error.ConflictException} when the id
 * exists, or when a second default workspace is inserted for the same owner (so that two
 * concurrent "first uses" cannot create two defaults: the loser re-reads). {@link #update} replaces
 * name, description, metadata, scope and updated_at, and returns false when the id is unknown.
 * {@link #listVisibleTo} returns the user's own workspaces for {@code USER}, and the
 * organization-scoped workspaces of the user's organization for {@code ORGANIZATION}, ordered by
 * creation time then id.
 */
public interface WorkspaceRepository {
    void insert(Workspace workspace);

    boolean update(Workspace workspace);

    Optional<Workspace> findById(WorkspaceId id);

    Optional<Workspace> findDefault(UserId owner);

    List<Workspace> listVisibleTo(User user, Scope scope);

    long countProjects(WorkspaceId id);
}
