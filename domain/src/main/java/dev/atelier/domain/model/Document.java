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

    /**
     * A document for an uploaded file and what the extractor read from it: size and SHA-256 come
     * from the bytes, the character count from the kept text, and tabular files are datasets.
     */
    public static Document fromExtraction(
            String id, ProjectId projectId, String filename, byte[] content, ExtractedDocument extracted, Instant at) {
        return new Document(
                id,
                projectId,
                filename,
                extracted.mediaType(),
                content.length,
                sha256Of(content),
                extracted.text(),
                extracted.pages(),
                extracted.rows(),
                extracted.columns(),
                extracted.text().length(),
                extracted.truncated(),
                extracted.tabular(),
                content,
                at);
    }

    /** This document without its text and bytes. */
    public DocumentInfo info() {
        return new DocumentInfo(
                id,
                projectId,
                filename,
                mediaType,
                sizeBytes,
                sha256,
                pages,
                rows,
                columns,
                characters,
                truncated,
                dataset,
                createdAt);
    }

    /** SHA-256 of the bytes as lower-case hex, as documents record it. */
    public static String sha256Of(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
