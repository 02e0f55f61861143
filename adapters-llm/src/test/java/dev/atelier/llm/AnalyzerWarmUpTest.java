package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the offline analyzer is got ready in the background after start-up, and when not. */
class AnalyzerWarmUpTest {

    @Test
    void the_offline_analyzer_is_warmed_by_default() {
        assertThat(new AnalyzerWarmUp(true, "offline", Duration.ofHours(1)).start())
                .isTrue();
        assertThat(new AnalyzerWarmUp(true, " Offline ", Duration.ofHours(1)).start())
                .isTrue();
    }

    @Test
    void nothing_is_loaded_when_warm_up_is_off_or_a_chat_provider_answers() {
        assertThat(new AnalyzerWarmUp(false, "offline", Duration.ZERO).start()).isFalse();
        assertThat(new AnalyzerWarmUp(true, "openai", Duration.ZERO).start()).isFalse();
        assertThat(new AnalyzerWarmUp(true, "ollama", Duration.ZERO).start()).isFalse();
    }

    @Test
    void the_warm_up_document_is_a_pdf_the_extractor_reads() throws IOException {
        var doc = new TikaTextExtractor(ExtractionLimits.defaults()).extract("warm-up.pdf", AnalyzerWarmUp.samplePdf());

        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.text()).contains("Forecast weekly demand");
    }
}
