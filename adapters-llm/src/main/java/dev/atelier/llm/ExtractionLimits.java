package dev.atelier.llm;

import java.time.Duration;

/**
 * Bounds on the work done for one file (configuration prefix {@code atelier.extraction}).
 *
 * @param maxBytes largest accepted file ({@code max-file-size}, 25 MiB)
 * @param maxCharacters characters of text kept per document ({@code max-characters}, 1,000,000)
 * @param maxPages pages of a PDF read ({@code max-pages}, 2000); later pages are skipped and the
 *     document marked truncated
 * @param timeout wall time per file ({@code timeout}, 30 s)
 * @param pdfMemoryBytes main memory PDFBox may use before spilling to temp files ({@code
 *     pdf-memory}, 16 MiB)
 * @param ocr run Tesseract OCR on images when a {@code tesseract} binary is installed ({@code ocr},
 *     off)
 */
public record ExtractionLimits(
        long maxBytes, int maxCharacters, int maxPages, Duration timeout, long pdfMemoryBytes, boolean ocr) {
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_CHARACTERS = 1_000_000;
    public static final int DEFAULT_MAX_PAGES = 2000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_PDF_MEMORY = 16L * 1024 * 1024;

    public ExtractionLimits {
        if (maxBytes <= 0 || maxCharacters <= 0 || maxPages <= 0 || pdfMemoryBytes <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("extraction timeout must be positive");
        }
    }

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(
                DEFAULT_MAX_BYTES,
                DEFAULT_MAX_CHARACTERS,
                DEFAULT_MAX_PAGES,
                DEFAULT_TIMEOUT,
                DEFAULT_PDF_MEMORY,
                false);
    }
}
