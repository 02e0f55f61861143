package dev.atelier.application.collaboration;

import dev.atelier.application.project.CleanupProjects;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.UnitOfWork;

/**
 * Deletes one project with everything attached to it. Only the project's owner may; other members
 * are refused (forbidden). A project that does not exist, that the caller cannot see at all, or that
 * an earlier delete already removed is not found, exactly as reading it would be: the caller learns
 * that nothing was deleted.
 */
public final class DeleteProject {
    private final CleanupProjects cleanup;
    private final UnitOfWork uow;

    public DeleteProject(CleanupProjects cleanup, UnitOfWork uow) {
        this.cleanup = cleanup;
        this.uow = uow;
    }

    public record Command(User caller, String projectId) {}

    public void execute(Command c) {
        uow.run(() -> cleanup.deleteOne(c.caller(), c.projectId()));
    }
}
