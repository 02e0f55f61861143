package dev.atelier.llm;

import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ExtractedDocument;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the offline analyzer ready in the background shortly after the HTTP server is listening,
 * so that the first analysis after a start answers about as fast as any other. It waits {@code
 * atelier.analyzer.warm-up-delay} (3 s) after the server start-up so that the start-up's last work
 * and the first health checks are not slowed by it; a request that comes earlier loads what it
 * needs itself (the model is loaded once, whoever asks first).
 *
 * <p>It loads the embedding model, reads a small generated PDF through a text extractor of its own
 * and analyzes it with an analyzer of its own: the model, the shipped embeddings, Tika's and
 * PDFBox's classes and the compiled code are shared by the whole JVM, while the ports' beans may
 * be wrapped (metrics) and a warm-up must not count as a user's analysis. So it runs once per JVM,
 * whatever number of servers start in it (tests start many). Only with the offline provider: a chat
 * provider uses the model only as its fallback.
 *
 * <p>Off by default ({@code atelier.analyzer.warm-up: false}): the model, Tika and the analyzer's
 * compiled code keep about 150 MB resident, which would put an idle server that has analyzed nothing
 * above its memory budget (300 MB); the first analysis loads them instead, about 2 CPU-seconds.
 * {@code atelier.analyzer.warm-up: true} moves that cost to just after start (docs/analyzer.md).
 */
@Singleton
final class AnalyzerWarmUp implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerWarmUp.class);
    private static final String SAMPLE = "Forecast weekly demand per store for the next quarter.";
    /** What the warm-up warms is the JVM's (model, classes, compiled code): once per JVM is enough. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final boolean enabled;
    private final Duration delay;

    AnalyzerWarmUp(
            @Value("${atelier.analyzer.warm-up:false}") boolean enabled,
            @Value("${atelier.analyzer.provider:offline}") String provider,
            @Value("${atelier.analyzer.warm-up-delay:3s}") Duration delay) {
        this.enabled = enabled && ProviderSettings.normalize(provider).equals(OfflineContextAnalyzer.PROVIDER);
        this.delay = delay;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (enabled && STARTED.compareAndSet(false, true)) {
            start();
        }
    }

    /** Whether this warm-up will run: switched on and the offline provider configured. */
    boolean enabled() {
        return enabled;
    }

    /** Starts the warm-up thread; false (and nothing started) when off or the provider is not offline. */
    boolean start() {
        if (!enabled) {
            return false;
        }
        Thread t = new Thread(this::warm, "atelier-analyzer-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return true;
    }

    private void warm() {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long start = System.nanoTime();
        try {
            ExtractedDocument doc =
                    new TikaTextExtractor(ExtractionLimits.defaults()).extract("warm-up.pdf", samplePdf());
            new OfflineContextAnalyzer()
                    .analyze(new AnalysisRequest(
                            SAMPLE,
                            List.of(new AnalysisRequest.NamedText("warm-up.pdf", doc.mediaType(), doc.text())),
                            List.of()));
            LOG.info("offline analyzer ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | IOException e) {
            // the first request loads what it needs instead, and reports its own error if that fails too
            LOG.warn("offline analyzer warm-up failed: {}", e.toString());
        }
    }

    /** A one-page PDF with a line of text, made here: the warm-up reads no file. */
    static byte[] samplePdf() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(50, 740);
                text.showText(SAMPLE);
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
