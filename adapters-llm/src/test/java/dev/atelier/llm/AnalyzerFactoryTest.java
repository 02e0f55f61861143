package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.port.ContextAnalyzer;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.MapPropertyResolver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerFactoryTest {
    private final AnalyzerFactory factory = new AnalyzerFactory();

    @Test
    void extraction_limits_default_to_the_documented_values() {
        ExtractionLimits limits = AnalyzerFactory.extractionLimits(new MapPropertyResolver(Map.of()));

        assertThat(limits.maxBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(limits.maxCharacters()).isEqualTo(1_000_000);
        assertThat(limits.maxPages()).isEqualTo(2000);
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.ocr()).isFalse();
    }

    @Test
    void extraction_limits_are_read_from_configuration() {
        ExtractionLimits limits = AnalyzerFactory.extractionLimits(new MapPropertyResolver(Map.of(
                "atelier.extraction.max-file-size", "1000",
                "atelier.extraction.max-characters", "500",
                "atelier.extraction.max-pages", "3",
                "atelier.extraction.timeout", "5s",
                "atelier.extraction.ocr", "true")));

        assertThat(limits)
                .isEqualTo(new ExtractionLimits(
                        1000, 500, 3, Duration.ofSeconds(5), ExtractionLimits.DEFAULT_PDF_MEMORY, true));
    }

    @Test
    void the_offline_analyzer_is_the_default() {
        ContextAnalyzer analyzer =
                factory.contextAnalyzer(new MapPropertyResolver(Map.of("atelier.analyzer.warm-up", "false")));

        assertThat(analyzer).isInstanceOf(OfflineContextAnalyzer.class);
    }

    @Test
    void an_unknown_provider_fails_with_the_key_to_fix() {
        assertThatThrownBy(() -> factory.contextAnalyzer(new MapPropertyResolver(
                        Map.of("atelier.analyzer.provider", "skynet", "atelier.analyzer.warm-up", "false"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("atelier.analyzer.provider")
                .hasMessageContaining("skynet");
    }

    @Test
    void azure_openai_needs_its_endpoint() {
        assertThatThrownBy(() -> factory.contextAnalyzer(new MapPropertyResolver(
                        Map.of("atelier.analyzer.provider", "azure-openai", "atelier.analyzer.warm-up", "false"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("atelier.analyzer.azure-openai.base-url");
    }

    @Test
    void provider_defaults_fill_what_is_not_configured() {
        ProviderSettings s = AnalyzerFactory.providerSettings(new MapPropertyResolver(Map.of()), "mistral");

        assertThat(s.baseUrl()).isEqualTo("https://api.mistral.ai/v1");
        assertThat(s.model()).isEqualTo("mistral-small-latest");
        assertThat(s.maxRetries()).isEqualTo(2);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.jsonSchema()).isTrue();
    }
}
