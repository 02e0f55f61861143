package dev.atelier.application.workspace;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.WorkspaceRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a request names as its workspace into a workspace the caller may use. No value at all,
 * or one of the aliases the clients' dialects use for it (given by the HTTP adapter, which owns
 * those spellings), means the caller's default workspace, created on first use. Any other id must
 * name a workspace the caller can see; otherwise it is "not found", whether it exists or not.
 */
public final class Workspaces {
    private final WorkspaceRepository workspaces;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;
    private final Set<String> defaultAliases;

    /** @param defaultAliases the references that mean "the caller's default workspace" */
    public Workspaces(
            WorkspaceRepository workspaces, UnitOfWork uow, IdGenerator ids, Clock clock, Set<String> defaultAliases) {
        this.workspaces = workspaces;
        this.uow = uow;
        this.ids = ids;
        this.clock = clock;
        this.defaultAliases = Set.copyOf(defaultAliases);
    }

    /** Whether a request's workspace reference means the caller's default workspace. */
    public boolean meansDefault(String reference) {
        return reference == null || reference.isBlank() || defaultAliases.contains(reference);
    }

    public Workspace resolve(User caller, String reference) {
        if (meansDefault(reference)) {
            return defaultOf(caller);
        }
        WorkspaceId id = WorkspaceId.of(reference);
        return workspaces
                .findById(id)
                .filter(w -> w.isVisibleTo(caller))
                .orElseThrow(() -> new NotFoundException("workspace " + reference + " not found"));
    }

    /** The caller's default workspace; concurrent first uses agree on one. */
    public Workspace defaultOf(User caller) {
        return workspaces.findDefault(caller.id()).orElseGet(() -> {
            try {
                return uow.inTransaction(() -> {
                    var now = clock.instant();
                    Workspace created = new Workspace(
                            new WorkspaceId(ids.newId()),
                            "Default workspace",
                            "Created on first use",
                            Map.of(),
                            caller.id(),
                            caller.organization(),
                            Scope.USER,
                            true,
                            now,
                            now);
                    workspaces.insert(created);
                    return created;
                });
            } catch (ConflictException raced) {
                return workspaces.findDefault(caller.id()).orElseThrow(() -> raced);
            }
        });
    }
}
