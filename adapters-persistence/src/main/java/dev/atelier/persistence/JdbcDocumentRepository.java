package dev.atelier.persistence;

import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.persistence.DocumentRows.DocumentRow;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
final class JdbcDocumentRepository implements DocumentRepository {
    private final Db db;
    private final DocumentRows rows;

    JdbcDocumentRepository(Db db, DocumentRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void insert(Document d) {
        DocumentRow row = new DocumentRow(
                d.id(),
                d.projectId().value(),
                d.filename(),
                d.mediaType(),
                d.sizeBytes(),
                d.sha256(),
                d.text(),
                d.pages(),
                d.rows(),
                d.columns(),
                d.characters(),
                d.truncated(),
                d.dataset(),
                d.content(),
                Db.micros(d.createdAt()));
        // one transaction (joined, or opened here): the document and the dataset count together.
        // The two statements on projects stay hand-written with the rest of the projects SQL.
        db.write(c -> {
            if (!Db.exists(
                    c,
                    "SELECT 1 FROM projects WHERE id = ?",
                    ps -> ps.setString(1, d.projectId().value()))) {
                throw new NotFoundException("project " + d.projectId() + " not found");
            }
            rows.insert(row);
            if (d.dataset()) {
                Db.update(
                        c,
                        "UPDATE projects SET dataset_count = dataset_count + 1 WHERE id = ?",
                        ps -> ps.setString(1, d.projectId().value()));
            }
            return null;
        });
    }

    @Override
    public List<Document> list(ProjectId project) {
        return db.read(c -> rows.findByProjectId(project.value(), DocumentRows.OLDEST_FIRST).stream()
                .map(r -> new Document(
                        r.id(),
                        new ProjectId(r.projectId()),
                        r.filename(),
                        r.mediaType(),
                        r.sizeBytes(),
                        r.sha256(),
                        r.textContent(),
                        r.pages(),
                        r.rowCount(),
                        r.columnCount(),
                        r.characters(),
                        r.truncated(),
                        r.dataset(),
                        r.content(),
                        r.createdAt()))
                .toList());
    }
}
