package dev.atelier.persistence;

import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.port.DocumentRepository;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
final class JdbcDocumentRepository implements DocumentRepository {
    private final Db db;

    JdbcDocumentRepository(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Document d) {
        // one transaction (joined, or opened here): the document and the dataset count together
        db.write(c -> {
            if (!Db.exists(
                    c,
                    "SELECT 1 FROM projects WHERE id = ?",
                    ps -> ps.setString(1, d.projectId().value()))) {
                throw new NotFoundException("project " + d.projectId() + " not found");
            }
            Db.update(
                    c,
                    "INSERT INTO project_documents (id, project_id, filename, media_type, size_bytes, sha256,"
                            + " text_content, pages, row_count, column_count, characters, truncated, dataset, content,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, d.id());
                        ps.setString(2, d.projectId().value());
                        ps.setString(3, d.filename());
                        ps.setString(4, d.mediaType());
                        ps.setLong(5, d.sizeBytes());
                        ps.setString(6, d.sha256());
                        ps.setString(7, d.text());
                        Db.setInteger(ps, 8, d.pages());
                        Db.setInteger(ps, 9, d.rows());
                        Db.setInteger(ps, 10, d.columns());
                        ps.setInt(11, d.characters());
                        ps.setBoolean(12, d.truncated());
                        ps.setBoolean(13, d.dataset());
                        ps.setBytes(14, d.content());
                        Db.setInstant(ps, 15, d.createdAt());
                    });
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
        return db.read(c -> Db.query(
                c,
                "SELECT id, project_id, filename, media_type, size_bytes, sha256, text_content, pages, row_count,"
                        + " column_count, characters, truncated, dataset, content, created_at"
                        + " FROM project_documents WHERE project_id = ? ORDER BY created_at, id",
                ps -> ps.setString(1, project.value()),
                rs -> new Document(
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
                        Db.getInstant(rs, "created_at"))));
    }
}
