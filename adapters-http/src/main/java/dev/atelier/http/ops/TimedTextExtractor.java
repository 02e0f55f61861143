package dev.atelier.http.ops;

import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.port.TextExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every extraction as {@code atelier.extraction.duration} with the tags {@code media_type}
 * (detected from the content, {@code unknown} when extraction failed) and {@code outcome}
 * ({@code success}, {@code too_large}, {@code unsupported}, {@code unreadable}, {@code error}).
 * Wraps whatever adapter implements the port.
 */
final class TimedTextExtractor implements TextExtractor {
    static final String METER = "atelier.extraction.duration";

    private final TextExtractor delegate;
    private final MeterRegistry registry;

    TimedTextExtractor(TextExtractor delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public ExtractedDocument extract(String filename, byte[] content) {
        Timer.Sample sample = Timer.start(registry);
        String mediaType = "unknown";
        String outcome = "error";
        try {
            ExtractedDocument document = delegate.extract(filename, content);
            mediaType = document.mediaType();
            outcome = "success";
            return document;
        } catch (PayloadTooLargeException e) {
            outcome = "too_large";
            throw e;
        } catch (UnsupportedContentException e) {
            outcome = "unsupported";
            throw e;
        } catch (UnreadableContentException e) {
            outcome = "unreadable";
            throw e;
        } finally {
            sample.stop(Timer.builder(METER)
                    .description("Time to extract the text of one uploaded file")
                    .tag("media_type", mediaType)
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    TextExtractor delegate() {
        return delegate;
    }
}
