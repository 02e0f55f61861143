package dev.atelier.domain.port;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Projects, the aggregate root. Deleting a project deletes its params history, members, documents
 * and events with it.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #insert} stores a new project exactly as given (version 0) or throws {@link
 *       dev.atelier.domain.error.ConflictException} when the id is taken or the owner already has a
 *       project of that name in that workspace. Nothing is stored on failure.
 *   <li>{@link #create} stores a new project together with its first params version, its owner's
 *       membership and its "created" event, as one unit and in as few round trips as the database
 *       allows: inside an open transaction it joins it, outside one it is atomic by itself (callers
 *       need not open a transaction for it). A taken id or name is a {@code ConflictException} decided by the store's unique
 *       constraints (no prior read, so two concurrent creates of one name cannot both succeed).
 *       Nothing is stored on failure; on PostgreSQL the failure also ends the enclosing
 *       transaction's usefulness, so callers let the conflict end it.
 *   <li>{@link #update} succeeds only when the stored version equals {@code project.version()}; it
 *       stores the project with version + 1 and returns it. A stale version throws {@link
 *       dev.atelier.domain.error.StaleVersionException}, a missing project {@link
 *       dev.atelier.domain.error.NotFoundException}, a name clash {@code ConflictException}.
 *       {@code datasetCount} is not written by update (it follows the documents).
 *   <li>{@link #lock} takes a row lock for the rest of the current transaction (select for update)
 *       so that read-modify-write sequences on one project (param versions) are serialized; it must
 *       be called inside {@link UnitOfWork#inTransaction}.
 *   <li>{@link #search} applies the visibility rules of {@link ProjectQuery} and returns a stable
 *       order (ties broken by id, in the direction asked for). {@code total} counts every match up
 *       to {@link ProjectQuery#countLimit()}; with more matches it is that limit and {@link
 *       Page#totalExact()} is false (a lower bound; {@code offset + items < total} still holds
 *       exactly when more matches follow). A page past the end is empty with the same total.
 *   <li>{@link #findByIds} returns the projects of those ids that exist, ordered by id, in one
 *       round of reads whatever the number of ids (for batch readers such as export).
 *   <li>{@link #delete} is idempotent and returns whether something was deleted.
 * </ul>
 */
public interface ProjectRepository {
    void insert(Project project);

    /** What {@link #create} stores: the project (version 0) and the rows every new project has. */
    record Creation(Project project, ParamVersion params, Member owner, Event created) {}

    void create(Creation creation);

    /**
     * Stores new projects as {@link #insert} does, in batches (for imports of many projects): a
     * clash is a {@code ConflictException} that leaves the caller's transaction to roll back.
     */
    void insertAll(List<Project> projects);

    /** Every name the owner uses in the workspace (to pick free names for many projects at once). */
    Set<String> namesIn(WorkspaceId workspace, UserId owner);

    /** A project with the role {@code member} holds on it through a membership, and its params history. */
    record Snapshot(Project project, Optional<Role> membership, List<ParamVersion> history) {}

    /**
     * {@link Snapshot} of one project as one consistent read (one statement where the database
     * allows); empty when the project does not exist. The history is ordered by version.
     */
    Optional<Snapshot> snapshot(ProjectId id, UserId member);

    Project update(Project project);

    Optional<Project> findById(ProjectId id);

    Optional<Project> lock(ProjectId id);

    Optional<Project> findByName(WorkspaceId workspace, UserId owner, String name);

    /** Whether the owner has a project of that exact name in the workspace. */
    boolean nameTaken(WorkspaceId workspace, UserId owner, String name);

    Page<Project> search(ProjectQuery query);

    /** The existing projects among {@code ids}, ordered by id (unknown ids are left out). */
    List<Project> findByIds(Collection<ProjectId> ids);

    /** Ids of the projects {@code owner} owns in {@code workspace} with the given scope. */
    List<ProjectId> findOwnedIds(WorkspaceId workspace, UserId owner, Scope scope);

    boolean delete(ProjectId id);
}
