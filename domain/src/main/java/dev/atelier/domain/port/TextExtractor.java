package dev.atelier.domain.port;

import dev.atelier.domain.model.ExtractedDocument;

/**
 * Reads the text out of one uploaded file.
 *
 * <p>Contract: the media type is detected from the content, never trusted from {@code filename}
 * (which is only a hint for tie-breaking and messages). Work is bounded in bytes, pages, characters
 * and wall time. Failures are per file and typed: {@link
 * dev.atelier.domain.error.PayloadTooLargeException} (over the byte limit), {@link
 * dev.atelier.domain.error.UnsupportedContentException} (a type Atelier does not read), {@link
 * dev.atelier.domain.error.UnreadableContentException} (encrypted — the message then says
 * "encrypted" —, corrupt, bomb-like, or too slow). Implementations are thread-safe and open no
 * network connection.
 */
public interface TextExtractor {
    ExtractedDocument extract(String filename, byte[] content);
}
