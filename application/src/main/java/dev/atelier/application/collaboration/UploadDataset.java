package dev.atelier.application.collaboration;

import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attaches an uploaded file to a project through the {@link TextExtractor}: the media type is
 * detected from the content, tabular files (CSV, spreadsheets) get rows and columns and count as a
 * dataset (the repository raises {@code datasetCount}); other readable files are kept as plain
 * documents. Needs editor. The extraction runs outside any transaction; the access check is made
 * before it (so nobody can make the server parse files for a project they cannot change) and again
 * inside the writing transaction. Records "dataset" (or "document" for non-tabular files).
 */
public final class UploadDataset {
    private final ProjectAccess access;
    private final TextExtractor extractor;
    private final DocumentRepository documents;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;

    public UploadDataset(
            ProjectAccess access, TextExtractor extractor, DocumentRepository documents, Bookkeeping books) {
        this.access = access;
        this.extractor = extractor;
        this.documents = documents;
        this.uow = books.uow();
        this.timeline = books.timeline();
        this.ids = books.ids();
        this.clock = books.clock();
    }

    public record Command(User caller, String projectId, String filename, byte[] content) {
        public Command {
            if (content == null || content.length == 0) {
                throw new InvalidInputException("file is required and must not be empty");
            }
            filename = Document.safeFilename(filename);
        }
    }

    public Document execute(Command c) {
        ProjectId id =
                access.require(c.caller(), c.projectId(), Role.EDITOR).project().id();
        ExtractedDocument extracted = extractor.extract(c.filename(), c.content());
        return uow.inTransaction(() -> {
            access.requireLocked(c.caller(), id.value(), Role.EDITOR);
            Document document =
                    Document.fromExtraction(ids.newId(), id, c.filename(), c.content(), extracted, clock.instant());
            documents.insert(document);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("document_id", document.id());
            details.put("media_type", document.mediaType());
            details.put("size_bytes", document.sizeBytes());
            putIfPresent(details, "rows", document.rows());
            putIfPresent(details, "columns", document.columns());
            putIfPresent(details, "pages", document.pages());
            timeline.record(
                    id,
                    document.dataset() ? EventType.DATASET : EventType.DOCUMENT,
                    document.filename(),
                    c.caller(),
                    details);
            return document;
        });
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
