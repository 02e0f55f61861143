package dev.atelier.application.collaboration;

import dev.atelier.application.project.CleanupProjects;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.UnitOfWork;

/**
 * Deletes one project with everything attached to it. Only the project's owner may; other members
 * are refused (403). Idempotent: a project that is gone, or that the caller cannot see at all,
 * deletes nothing and is not an error.
 */
public final class DeleteProject {
    private final CleanupProjects cleanup;
    private final UnitOfWork uow;

    public DeleteProject(CleanupProjects cleanup, UnitOfWork uow) {
        this.cleanup = cleanup;
        this.uow = uow;
    }

    public record Command(User caller, String projectId) {}

    /** @return whether a project was deleted by this call */
    public boolean execute(Command c) {
        return uow.inTransaction(() -> cleanup.deleteOne(c.caller(), c.projectId())) > 0;
    }
}
