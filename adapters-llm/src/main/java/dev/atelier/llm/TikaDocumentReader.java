package dev.atelier.llm;

import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.model.ExtractedDocument;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ParseRecord;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads every format but PDF and CSV/TSV with Tika's {@link AutoDetectParser}: its {@code
 * SecureContentHandler} stops decompression bombs (compression ratio and XML depth), {@link
 * NestingGuard} limits nested and repeated embedded documents, the text is kept up to the
 * character limit (then marked truncated), spreadsheets also yield rows and columns ({@link
 * TableCounter}), images a line with their size (and the OCR text when OCR is on). Failures become
 * the domain's words: encrypted, a decompression bomb, or corrupt.
 */
final class TikaDocumentReader {
    static final Set<String> SPREADSHEETS = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel",
            "application/vnd.oasis.opendocument.spreadsheet");
    /** Characters of output before the compression-ratio check of the bomb guard starts. */
    private static final long BOMB_OUTPUT_THRESHOLD = 200_000;

    private static final long BOMB_MAX_RATIO = 100;
    private static final int MAX_XML_DEPTH = 100;

    private final ExtractionLimits limits;
    private final AutoDetectParser parser;

    TikaDocumentReader(TikaConfig tika, ExtractionLimits limits) {
        this.limits = limits;
        this.parser = new AutoDetectParser(tika);
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(
                null, BOMB_OUTPUT_THRESHOLD, BOMB_MAX_RATIO, MAX_XML_DEPTH, 2 * NestingGuard.MAX_PACKAGE_DEPTH));
    }

    /** The media types the parser reads (a type whose supertype is among them is read too). */
    Set<MediaType> supportedTypes() {
        return parser.getSupportedTypes(new ParseContext());
    }

    ExtractedDocument read(String name, String type, byte[] content) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser); // embedded documents go through the same guarded parser
        NestingGuard guard = new NestingGuard(context);
        context.set(EmbeddedDocumentExtractor.class, guard);
        ParseRecord record = new ParseRecord(); // collects failures of embedded documents
        context.set(ParseRecord.class, record);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(!limits.ocr());
        context.set(TesseractOCRConfig.class, ocr);
        WriteOutContentHandler out = new WriteOutContentHandler(limits.maxCharacters());
        TableCounter tables = new TableCounter(out);
        boolean truncated = false;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, new BodyContentHandler(tables), metadata, context);
        } catch (IOException | SAXException | TikaException e) {
            if (guard.tripped() || record.getExceptions().stream().anyMatch(TikaDocumentReader::isBomb)) {
                throw bomb(name);
            }
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                throw failure(name, e);
            }
        }
        if (guard.tripped() || record.getExceptions().stream().anyMatch(TikaDocumentReader::isBomb)) {
            throw bomb(name);
        }
        String text = out.toString().strip();
        if (type.startsWith("image/")) {
            text = describeImage(type, metadata, text);
        }
        if (SPREADSHEETS.contains(type) && tables.rows() >= 0) {
            return new ExtractedDocument(type, text, pageCount(metadata), tables.rows(), tables.columns(), truncated);
        }
        return new ExtractedDocument(type, text, pageCount(metadata), null, null, truncated);
    }

    private static DomainException failure(String name, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException
                    || t instanceof org.apache.poi.EncryptedDocumentException
                    || t instanceof InvalidPasswordException) {
                return new UnreadableContentException(name + " is encrypted");
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                return bomb(name);
            }
            if (message.contains("encrypted") || message.contains("password")) {
                return new UnreadableContentException(name + " is encrypted");
            }
        }
        return new UnreadableContentException(name + " is corrupt or unreadable", e);
    }

    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static UnreadableContentException bomb(String name) {
        return new UnreadableContentException(
                name + " looks like a decompression bomb (too deeply nested, too many parts or too highly compressed)");
    }

    private static String describeImage(String type, Metadata metadata, String ocrText) {
        String width = metadata.get(TIFF.IMAGE_WIDTH);
        String height = metadata.get(TIFF.IMAGE_LENGTH);
        String size = width != null && height != null ? ", " + width + " x " + height + " pixels" : "";
        String line = "Image (" + type + size + ")";
        return ocrText.isEmpty() ? line : line + "\n" + ocrText;
    }

    private static Integer pageCount(Metadata metadata) {
        String pages = metadata.get(org.apache.tika.metadata.PagedText.N_PAGES);
        if (pages == null) {
            pages = metadata.get(org.apache.tika.metadata.Office.PAGE_COUNT);
        }
        try {
            return pages == null ? null : Integer.valueOf(pages.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
