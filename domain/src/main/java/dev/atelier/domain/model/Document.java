package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A file attached to a project, with what extraction learned from it. {@code dataset} marks
 * tabular documents (CSV, TSV, spreadsheets), which count towards a project's datasets.
 * {@code content} holds the original bytes.
 */
public record Document(
        String id,
        ProjectId projectId,
        String filename,
        String mediaType,
        long sizeBytes,
        String sha256,
        String text,
        Integer pages,
        Integer rows,
        Integer columns,
        int characters,
        boolean truncated,
        boolean dataset,
        byte[] content,
        Instant createdAt) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        filename = safeFilename(filename);
        text = text == null ? "" : text;
        content = content == null ? new byte[0] : content;
    }

    /** The last path segment of a client-supplied name, without control characters, at most 255 chars. */
    public static String safeFilename(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        StringBuilder clean = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String result = clean.toString();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return "file";
        }
        return result.length() > 255 ? result.substring(0, 255) : result;
    }

    /** The same document, attached to another project under a new id. */
    public Document copyTo(String newId, ProjectId newProject, Instant now) {
        return new Document(
                newId,
                newProject,
                filename,
                mediaType,
                sizeBytes,
                sha256,
                text,
                pages,
                rows,
                columns,
                characters,
                truncated,
                dataset,
                content,
                now);
    }
}
