package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.DefaultPropertyPlaceholderResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.MapPropertyResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the offline analyzer is got ready in the background after start-up (only when switched on), and when not. */
class AnalyzerWarmUpTest {

    @Test
    void warm_up_is_off_unless_configured() throws ReflectiveOperationException {
        // the default must keep an idle server within its memory budget: the model loads on first use.
        // The value the constructor is given, resolved as the server resolves it, with and without the key.
        String enabled = AnalyzerWarmUp.class
                .getDeclaredConstructor(boolean.class, String.class, Duration.class)
                .getParameters()[0]
                .getAnnotation(Value.class)
                .value();

        assertThat(resolve(enabled, Map.of())).isEqualTo("false");
        assertThat(resolve(enabled, Map.of("atelier.analyzer.warm-up", "true"))).isEqualTo("true");
    }

    private static String resolve(String placeholder, Map<String, Object> config) {
        return new DefaultPropertyPlaceholderResolver(new MapPropertyResolver(config), ConversionService.SHARED)
                .resolveRequiredPlaceholders(placeholder);
    }

    @Test
    void the_offline_analyzer_is_warmed_when_switched_on() {
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
