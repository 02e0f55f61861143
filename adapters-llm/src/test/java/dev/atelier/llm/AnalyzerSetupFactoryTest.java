package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.AnalyzerSetup;
import io.micronaut.core.value.MapPropertyResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerSetupFactoryTest {

    @Test
    void the_default_is_the_offline_analyzer_with_its_embedding_model() {
        assertThat(AnalyzerSetupFactory.describe(new MapPropertyResolver(Map.of())))
                .isEqualTo(new AnalyzerSetup("offline", MiniLmEmbeddings.MODEL_NAME));
    }

    @Test
    void a_chat_provider_is_described_with_its_configured_model_or_its_default() {
        assertThat(AnalyzerSetupFactory.describe(new MapPropertyResolver(Map.of(
                        "atelier.analyzer.provider", "OpenAI", "atelier.analyzer.openai.model", "gpt-4.1-nano"))))
                .isEqualTo(new AnalyzerSetup("openai", "gpt-4.1-nano"));
        assertThat(AnalyzerSetupFactory.describe(
                        new MapPropertyResolver(Map.of("atelier.analyzer.provider", "ollama"))))
                .isEqualTo(new AnalyzerSetup("ollama", ProviderSettings.defaultModel("ollama")));
    }
}
