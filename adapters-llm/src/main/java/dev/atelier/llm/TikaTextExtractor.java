package dev.atelier.llm;

import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.port.TextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ParseRecord;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * {@link TextExtractor} on Apache Tika and PDFBox. The media type is detected from the bytes (the
 * file name only breaks ties, e.g. CSV versus plain text). PDFs are read by PDFBox with a mixed
 * memory/temp-file stream cache and a page limit; CSV and TSV are counted with commons-csv;
 * everything else goes through Tika's {@link AutoDetectParser}, whose {@code SecureContentHandler}
 * stops decompression bombs (compression ratio, XML depth and package nesting limits). Tika's XML
 * parsers never resolve external entities. Each file is read on a worker thread and abandoned
 * after the wall-time limit.
 */
final class TikaTextExtractor implements TextExtractor {
    static final Set<String> TABULAR = Set.of("text/csv", "text/tab-separated-values");
    static final Set<String> SPREADSHEETS = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel",
            "application/vnd.oasis.opendocument.spreadsheet");
    private static final Set<String> REFUSED = Set.of(
            "application/octet-stream",
            "application/x-executable",
            "application/x-sharedlib",
            "application/x-msdownload",
            "application/x-dosexec",
            "application/x-mach-o-executable",
            "application/java-vm",
            "application/x-elf");
    /** Characters of output before the compression-ratio check of the bomb guard starts. */
    private static final long BOMB_OUTPUT_THRESHOLD = 200_000;

    private static final long BOMB_MAX_RATIO = 100;
    private static final int MAX_XML_DEPTH = 100;
    private static final int MAX_PACKAGE_DEPTH = 4;
    private static final int MAX_EMBEDDED_PARTS = 5_000;

    private final ExtractionLimits limits;
    private final Detector detector;
    private final MediaTypeRegistry registry;
    private final AutoDetectParser parser;
    private final Set<MediaType> supported;
    private final ExecutorService workers;

    TikaTextExtractor(ExtractionLimits limits) {
        this.limits = limits;
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.registry = tika.getMediaTypeRegistry();
        this.parser = new AutoDetectParser(tika);
        parser.setAutoDetectParserConfig(new AutoDetectParserConfig(
                null, BOMB_OUTPUT_THRESHOLD, BOMB_MAX_RATIO, MAX_XML_DEPTH, 2 * MAX_PACKAGE_DEPTH));
        this.supported = parser.getSupportedTypes(new ParseContext());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "atelier-extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    ExtractionLimits limits() {
        return limits;
    }

    @Override
    public ExtractedDocument extract(String filename, byte[] content) {
        String name = Document.safeFilename(filename);
        if (content == null || content.length == 0) {
            throw new UnreadableContentException(name + " is empty");
        }
        if (content.length > limits.maxBytes()) {
            throw new PayloadTooLargeException(
                    name + " is larger than the per-file limit of " + mebibytes(limits.maxBytes()));
        }
        String type = detect(name, content);
        if (REFUSED.contains(type) || !readable(type)) {
            throw new UnsupportedContentException(name + " has media type " + type + ", which Atelier does not read");
        }
        Future<ExtractedDocument> work = workers.submit(() -> read(name, type, content));
        try {
            return work.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            work.cancel(true);
            throw new UnreadableContentException(
                    name + " took longer than " + limits.timeout().toSeconds() + " s to read");
        } catch (InterruptedException interrupted) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableContentException(name + " could not be read: interrupted");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof DomainException known) {
                throw known;
            }
            throw new UnreadableContentException(name + " is corrupt or unreadable", failed.getCause());
        }
    }

    /** The base media type of the bytes; the name is only a hint for types magic cannot tell apart. */
    String detect(String name, byte[] content) {
        MediaType fromContent = detect(content, new Metadata(), name);
        Metadata hint = new Metadata();
        hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        MediaType withName = detect(content, hint, name);
        boolean refines =
                !fromContent.equals(MediaType.OCTET_STREAM) && registry.isSpecializationOf(withName, fromContent);
        return (refines ? withName : fromContent).toString();
    }

    private MediaType detect(byte[] content, Metadata metadata, String name) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return detector.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UnreadableContentException(name + " could not be inspected", e);
        }
    }

    private boolean readable(String type) {
        MediaType t = MediaType.parse(type);
        while (t != null && !t.equals(MediaType.OCTET_STREAM)) {
            if (supported.contains(t)) {
                return true;
            }
            t = registry.getSupertype(t);
        }
        return false;
    }

    private ExtractedDocument read(String name, String type, byte[] content) {
        if (type.equals("application/pdf")) {
            return readPdf(name, content);
        }
        if (TABULAR.contains(type)) {
            return readTable(name, type, content);
        }
        return readWithTika(name, type, content);
    }

    private ExtractedDocument readPdf(String name, byte[] content) {
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

    private ExtractedDocument readTable(String name, String type, byte[] content) {
        String text;
        try (Reader reader = new AutoDetectReader(new ByteArrayInputStream(content))) {
            text = readAll(reader);
        } catch (IOException | TikaException e) {
            throw new UnreadableContentException(name + " is not readable text", e);
        }
        CSVFormat format = (type.equals("text/tab-separated-values") ? CSVFormat.TDF : CSVFormat.DEFAULT)
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        int rows = 0;
        int columns;
        try (CSVParser csv = format.parse(new StringReader(text))) {
            columns = csv.getHeaderNames().size();
            for (CSVRecord ignored : csv) {
                rows++;
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableContentException(
                    name + " is not well-formed " + (type.endsWith("csv") ? "CSV" : "TSV"));
        }
        boolean truncated = text.length() > limits.maxCharacters();
        return new ExtractedDocument(
                type, truncated ? text.substring(0, limits.maxCharacters()) : text, null, rows, columns, truncated);
    }

    private String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private ExtractedDocument readWithTika(String name, String type, byte[] content) {
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
            if (guard.tripped() || record.getExceptions().stream().anyMatch(TikaTextExtractor::isBomb)) {
                throw bomb(name);
            }
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                throw failure(name, e);
            }
        }
        if (guard.tripped() || record.getExceptions().stream().anyMatch(TikaTextExtractor::isBomb)) {
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

    /**
     * Parses embedded documents (archive entries, attachments) like Tika does, but counts nesting
     * depth and parts, and stops the whole parse when either goes over its limit. Tika records
     * (and swallows) failures of embedded documents, so the guard remembers that it tripped.
     */
    static final class NestingGuard extends ParsingEmbeddedDocumentExtractor {
        private int depth;
        private int parts;
        private boolean tripped;

        NestingGuard(ParseContext context) {
            super(context);
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            if (++parts > MAX_EMBEDDED_PARTS || depth + 1 > MAX_PACKAGE_DEPTH) {
                tripped = true;
                throw new SAXException("Suspected zip bomb: embedded documents nested or repeated too often");
            }
            depth++;
            try {
                super.parseEmbedded(stream, handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }

        boolean tripped() {
            return tripped;
        }
    }

    /**
     * Counts the tables Tika emits for spreadsheets (one per sheet): data rows (each table's first
     * row is taken as its header) and the widest row's cells.
     */
    static final class TableCounter extends ContentHandlerDecorator {
        private int tables;
        private int rows;
        private int columns;
        private int cellsInRow;
        private int rowsInTable;

        TableCounter(ContentHandler out) {
            super(out);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "table" -> {
                    tables++;
                    rowsInTable = 0;
                }
                case "tr" -> {
                    rowsInTable++;
                    cellsInRow = 0;
                }
                case "td", "th" -> cellsInRow++;
                default -> {}
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (localName.equals("tr")) {
                columns = Math.max(columns, cellsInRow);
                if (rowsInTable > 1) {
                    rows++;
                }
            }
            super.endElement(uri, localName, qName);
        }

        /** Data rows over all tables, or -1 when there was no table. */
        int rows() {
            return tables == 0 ? -1 : rows;
        }

        int columns() {
            return columns;
        }
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

    private static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
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
