package dev.atelier.domain.model;

import java.util.Objects;

/**
 * What a {@code TextExtractor} read from one file. {@code mediaType} is detected from the content;
 * {@code rows} (data records, header excluded) and {@code columns} are set for tabular files;
 * {@code pages} for paged formats; {@code truncated} when text was cut at the character limit.
 */
public record ExtractedDocument(
        String mediaType, String text, Integer pages, Integer rows, Integer columns, boolean truncated) {
    public ExtractedDocument {
        Objects.requireNonNull(mediaType, "mediaType");
        text = text == null ? "" : text;
    }

    public boolean tabular() {
        return rows != null && columns != null;
    }
}
