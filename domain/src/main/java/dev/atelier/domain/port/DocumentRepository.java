package dev.atelier.domain.port;

import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ProjectId;
import java.util.List;

/**
 * Documents attached to projects, with their original bytes.
 *
 * <p>Contract: {@link #insert} stores the document and, for a dataset, raises the project's
 * {@code datasetCount} by one in the same transaction. {@link #list} is ordered by created_at then
 * id and includes the content.
 */
public interface DocumentRepository {
    void insert(Document document);

    List<Document> list(ProjectId project);
}
