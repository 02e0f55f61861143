package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Document} without its text and bytes: the facts extraction learned (pages, rows,
 * columns, characters) and how it is stored, for listings that must not load the files.
 */
public record DocumentInfo(
        String id,
        ProjectId projectId,
        String filename,
        String mediaType,
        long sizeBytes,
        String sha256,
        Integer pages,
        Integer rows,
        Integer columns,
        int characters,
        boolean truncated,
        boolean dataset,
        Instant createdAt) {

    public DocumentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
