package dev.atelier.domain.port;

import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.ProjectId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Documents attached to projects, with their original bytes.
 *
 * <p>Contract: {@link #insert} stores the document and, for a dataset, raises the project's
 * {@code datasetCount} by one in the same transaction. {@link #list} is ordered by created_at then
 * id and includes the content. {@link #findByProjectIds} is the batch form for readers of many
 * projects (export): it hands every document of those projects, ordered by project id, then
 * created_at, then id, to a consumer one at a time, in one round of reads, without holding all
 * their bytes at once (the consumer runs while the store reads; it must not call the store).
 */
public interface DocumentRepository {
    void insert(Document document);

    List<Document> list(ProjectId project);

    /**
     * What is known of each document of {@code project} without its text and bytes, in the order
     * of {@link #list}: a listing that stays cheap however large the files are.
     */
    List<DocumentInfo> describe(ProjectId project);

    /** Streams the documents of {@code projects} to {@code consumer}, by project id, created_at, id. */
    void findByProjectIds(Collection<ProjectId> projects, Consumer<Document> consumer);
}
