package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.ExtractedDocument;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes the document extractor with arbitrary files. The first byte of an input picks the file
 * name (the extension is only a hint; the type is detected from the bytes), the rest is the file.
 * The property, with the analyzer's limits scaled down: the only failures are the domain errors
 * that answer 413, 415 and 422; a document that is read keeps at most {@code max-characters} of
 * text and says when it was cut; nothing takes longer than the wall-time limit — never another
 * exception, a hang or an exhausted heap.
 *
 * <p>A normal build runs the inputs under {@code src/test/resources/dev/atelier/llm/
 * TikaTextExtractorFuzzTestInputs/} (seeds of every supported family and every crash found so far);
 * {@code scripts/fuzz.sh} fuzzes for real.
 */
class TikaTextExtractorFuzzTest {
    static final String[] NAMES = {
        "notes.txt", "table.csv", "table.tsv", "paper.pdf", "letter.docx", "sheet.xlsx", "page.html",
        "data.xml", "archive.zip", "data.json", "memo.rtf", "text.odt", "picture.png", "slides.pptx",
        "old.doc", "book.epub"
    };
    private static final ExtractionLimits LIMITS =
            new ExtractionLimits(2L * 1024 * 1024, 20_000, 20, Duration.ofSeconds(5), 4L * 1024 * 1024, false);
    private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor(LIMITS);

    @FuzzTest(maxDuration = "30s")
    void extraction_fails_only_with_4xx_domain_errors_and_keeps_its_limits(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String name = NAMES[Byte.toUnsignedInt(input[0]) % NAMES.length];
        byte[] file = Arrays.copyOfRange(input, 1, input.length);
        long started = System.nanoTime();
        try {
            ExtractedDocument document = EXTRACTOR.extract(name, file);
            assertThat(document.text().length()).isLessThanOrEqualTo(LIMITS.maxCharacters());
            assertThat(document.mediaType()).isNotBlank();
        } catch (UnreadableContentException | UnsupportedContentException | PayloadTooLargeException expected) {
            // 422, 415, 413 with a message
            assertThat(expected.getMessage()).isNotBlank();
        }
        // the wall-time limit, plus what detection (before the limit starts) may take
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(LIMITS.timeout().plusSeconds(5));
    }
}
