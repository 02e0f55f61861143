package dev.atelier.persistence;

import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.persistence.DocumentRows.DocumentRow;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

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
                // the shared memberships' copy of the count orders the shared branch of the list
                SharedMembershipCopies.refresh(c, d.projectId().value());
            }
            return null;
        });
    }

    /** Leaves the text and the bytes in the database: a listing costs the same for any file size. */
    @Override
    public List<DocumentInfo> describe(ProjectId project) {
        return db.read(c -> Db.query(
                c,
                "SELECT id, project_id, filename, media_type, size_bytes, sha256, pages, row_count, column_count,"
                        + " characters, truncated, dataset, created_at FROM project_documents"
                        + " WHERE project_id = ? ORDER BY created_at, id",
                ps -> ps.setString(1, project.value()),
                rs -> new DocumentInfo(
                        rs.getString("id"),
                        new ProjectId(rs.getString("project_id")),
                        rs.getString("filename"),
                        rs.getString("media_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        Db.getInteger(rs, "pages"),
                        Db.getInteger(rs, "row_count"),
                        Db.getInteger(rs, "column_count"),
                        rs.getInt("characters"),
                        rs.getBoolean("truncated"),
                        rs.getBoolean("dataset"),
                        Db.getInstant(rs, "created_at"))));
    }

    /**
     * Streams: the rows are fetched a few at a time (a fetch size inside the read transaction, so
     * PostgreSQL uses a cursor), and each document is handed on before the next is read, so only
     * one document's bytes are held at a time whatever the number of projects.
     */
    @Override
    public void findByProjectIds(Collection<ProjectId> projects, Consumer<Document> consumer) {
        List<String> ids = Db.sortedDistinct(projects, ProjectId::value);
        if (ids.isEmpty()) {
            return;
        }
        db.read(c -> {
            for (List<String> chunk : Db.chunks(ids)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, project_id, filename, media_type,"
                        + " size_bytes, sha256, text_content, pages, row_count, column_count, characters, truncated,"
                        + " dataset, content, created_at FROM project_documents WHERE project_id IN ("
                        + Db.placeholders(chunk.size()) + ") ORDER BY project_id, created_at, id")) {
                    ps.setFetchSize(STREAM_FETCH);
                    Db.bindStrings(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            consumer.accept(new Document(
                                    rs.getString("id"),
                                    new ProjectId(rs.getString("project_id")),
                                    rs.getString("filename"),
                                    rs.getString("media_type"),
                                    rs.getLong("size_bytes"),
                                    rs.getString("sha256"),
                                    rs.getString("text_content"),
                                    Db.getInteger(rs, "pages"),
                                    Db.getInteger(rs, "row_count"),
                                    Db.getInteger(rs, "column_count"),
                                    rs.getInt("characters"),
                                    rs.getBoolean("truncated"),
                                    rs.getBoolean("dataset"),
                                    rs.getBytes("content"),
                                    Db.getInstant(rs, "created_at")));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Rows fetched per round trip when streaming documents (each may carry megabytes of bytes). */
    private static final int STREAM_FETCH = 8;

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
