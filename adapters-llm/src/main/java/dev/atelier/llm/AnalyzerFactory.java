package dev.atelier.llm;

import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Builds the extractor and the analyzer from configuration. {@code atelier.analyzer.provider}
 * picks the analyzer ({@code offline}, the default, or a chat provider); switching is a
 * configuration change only. Every key has a default (see the module README).
 */
@Factory
class AnalyzerFactory {
    static final String EXTRACTION = "atelier.extraction.";
    static final String ANALYZER = "atelier.analyzer.";

    @Singleton
    TextExtractor textExtractor(PropertyResolver config) {
        return new TikaTextExtractor(extractionLimits(config));
    }

    static ExtractionLimits extractionLimits(PropertyResolver config) {
        return new ExtractionLimits(
                config.get(EXTRACTION + "max-file-size", Long.class).orElse(ExtractionLimits.DEFAULT_MAX_BYTES),
                config.get(EXTRACTION + "max-characters", Integer.class)
                        .orElse(ExtractionLimits.DEFAULT_MAX_CHARACTERS),
                config.get(EXTRACTION + "max-pages", Integer.class).orElse(ExtractionLimits.DEFAULT_MAX_PAGES),
                config.get(EXTRACTION + "timeout", Duration.class).orElse(ExtractionLimits.DEFAULT_TIMEOUT),
                config.get(EXTRACTION + "pdf-memory", Long.class).orElse(ExtractionLimits.DEFAULT_PDF_MEMORY),
                config.get(EXTRACTION + "ocr", Boolean.class).orElse(false));
    }

    /**
     * The analyzer port. The offline embedding model is loaded on first use, or by {@link
     * AnalyzerWarmUp} once the server is up when {@code atelier.analyzer.warm-up} is true.
     */
    @Singleton
    ContextAnalyzer contextAnalyzer(PropertyResolver config) {
        MiniLmEmbeddings.optOutOfTracking();
        OfflineContextAnalyzer offline = new OfflineContextAnalyzer();
        String provider = ProviderSettings.normalize(
                config.get(ANALYZER + "provider", String.class).orElse("offline"));
        if (provider.equals(OfflineContextAnalyzer.PROVIDER)) {
            return offline;
        }
        if (!ProviderSettings.PROVIDERS.contains(provider)) {
            throw new ConfigurationException("atelier.analyzer.provider '" + provider
                    + "' is not known; expected offline or one of " + ProviderSettings.PROVIDERS);
        }
        ProviderSettings settings = providerSettings(config, provider);
        try {
            return new ChatContextAnalyzer(
                    provider,
                    settings.model(),
                    ChatModels.build(settings),
                    settings.jsonSchema(),
                    settings.maxRetries(),
                    settings.backoff(),
                    offline);
        } catch (IllegalArgumentException bad) {
            throw new ConfigurationException(bad.getMessage());
        }
    }

    static ProviderSettings providerSettings(PropertyResolver config, String provider) {
        String p = ANALYZER + provider + ".";
        return new ProviderSettings(
                provider,
                config.get(p + "base-url", String.class).orElse(ProviderSettings.defaultBaseUrl(provider)),
                config.get(p + "api-key", String.class).orElse(""),
                config.get(p + "model", String.class).orElse(ProviderSettings.defaultModel(provider)),
                config.get(p + "timeout", Duration.class).orElse(Duration.ofSeconds(60)),
                config.get(p + "max-retries", Integer.class).orElse(2),
                config.get(p + "retry-delay", Duration.class).orElse(Duration.ofMillis(500)),
                config.get(p + "json-schema", Boolean.class).orElse(ProviderSettings.defaultJsonSchema(provider)),
                config.get(p + "service-version", String.class).orElse(""));
    }
}
