package dev.atelier.llm;

import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.model.ExtractedDocument;
import java.io.IOException;
import java.io.Writer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF with PDFBox: a mixed memory/temp-file stream cache, text of the first pages up to
 * the page limit and up to the character limit (both marked truncated), an encrypted PDF refused.
 */
final class PdfBoxReader {
    private final ExtractionLimits limits;

    PdfBoxReader(ExtractionLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument read(String name, byte[] content) {
        var cache = MemoryUsageSetting.setupMixed(limits.pdfMemoryBytes()).streamCache;
        try (PDDocument pdf = Loader.loadPDF(content, "", null, null, cache)) {
            int pages = pdf.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(Math.min(pages, limits.maxPages()));
            BoundedWriter out = new BoundedWriter(limits.maxCharacters());
            try {
                stripper.writeText(pdf, out);
            } catch (IOException e) {
                if (!out.full()) {
                    throw e;
                }
            }
            return new ExtractedDocument(
                    "application/pdf", out.text(), pages, null, null, out.full() || pages > limits.maxPages());
        } catch (InvalidPasswordException locked) {
            throw new UnreadableContentException(name + " is encrypted (password-protected PDF)");
        } catch (IOException | RuntimeException broken) {
            throw new UnreadableContentException(name + " is corrupt or not a readable PDF", broken);
        }
    }

    /** A writer that keeps at most {@code limit} characters and then refuses more. */
    static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private boolean full;

        BoundedWriter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            int room = limit - text.length();
            if (len > room) {
                text.append(chars, off, Math.max(room, 0));
                full = true;
                throw new IOException("character limit reached");
            }
            text.append(chars, off, len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        boolean full() {
            return full;
        }

        String text() {
            return text.toString();
        }
    }
}
