package dev.atelier.llm;

import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.port.TextExtractor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;

/**
 * {@link TextExtractor} on Apache Tika and PDFBox. This class applies the limits around reading:
 * the per-file size, the media type ({@link TikaMediaTypes}: detected from the bytes, the file name
 * only breaks ties; executables and unknown types refused) and the wall-time limit: each file is
 * read on a worker thread and abandoned after it. The reading itself is by format: PDFs by {@link
 * PdfBoxReader}, CSV and TSV by {@link CsvTableReader}, everything else by {@link
 * TikaDocumentReader} (Tika's {@code AutoDetectParser} with its decompression-bomb guards; Tika's
 * XML parsers never resolve external entities).
 *
 * <p>Tika's configuration (every parser and detector on the class path, several hundred classes and
 * their XML) is built on the first extraction, not with this object: the port is built by the
 * first health check, which must answer without that work, and a server that never reads an upload
 * never pays for it. The analyzer's warm-up, when on, extracts once and so builds it in the
 * background after start.
 */
final class TikaTextExtractor implements TextExtractor {
    private final ExtractionLimits limits;
    private final PdfBoxReader pdfs;
    private final CsvTableReader tables;
    private final ExecutorService workers;
    private volatile TikaParts tika;

    /** The parts that need Tika's configuration; built together, once. */
    private record TikaParts(TikaMediaTypes mediaTypes, TikaDocumentReader others) {
        static TikaParts build(ExtractionLimits limits) {
            TikaConfig config = TikaConfig.getDefaultConfig();
            TikaDocumentReader others = new TikaDocumentReader(config, limits);
            return new TikaParts(new TikaMediaTypes(config, others.supportedTypes()), others);
        }
    }

    TikaTextExtractor(ExtractionLimits limits) {
        this.limits = limits;
        this.pdfs = new PdfBoxReader(limits);
        this.tables = new CsvTableReader(limits);
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

    /** Whether Tika's configuration has been built (by an extraction). */
    boolean tikaBuilt() {
        return tika != null;
    }

    private TikaParts tika() {
        TikaParts t = tika;
        if (t == null) {
            synchronized (this) {
                t = tika;
                if (t == null) {
                    t = TikaParts.build(limits);
                    tika = t;
                }
            }
        }
        return t;
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
        TikaMediaTypes mediaTypes = tika().mediaTypes();
        String type = mediaTypes.detect(name, content);
        if (!mediaTypes.readable(type)) {
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

    private ExtractedDocument read(String name, String type, byte[] content) {
        if (type.equals("application/pdf")) {
            return pdfs.read(name, content);
        }
        if (CsvTableReader.TABULAR.contains(type)) {
            return tables.read(name, type, content);
        }
        return tika().others().read(name, type, content);
    }

    private static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
