package dev.atelier.application.collaboration;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;

/**
 * The documents and datasets of a project with what extraction learned of each (pages, rows,
 * columns, characters), oldest first, without their text or bytes. Needs viewer.
 */
public final class ListDocuments {
    private final ProjectAccess access;
    private final DocumentRepository documents;
    private final UnitOfWork uow;

    public ListDocuments(ProjectAccess access, DocumentRepository documents, UnitOfWork uow) {
        this.access = access;
        this.documents = documents;
        this.uow = uow;
    }

    public record Command(User caller, String projectId) {}

    public record Listed(Project project, List<DocumentInfo> documents) {}

    public Listed execute(Command c) {
        return uow.inTransaction(() -> {
            Project project =
                    access.require(c.caller(), c.projectId(), Role.VIEWER).project();
            return new Listed(project, documents.describe(project.id()));
        });
    }
}
