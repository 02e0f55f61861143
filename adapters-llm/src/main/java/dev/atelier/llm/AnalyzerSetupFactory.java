package dev.atelier.llm;

import dev.atelier.domain.model.AnalyzerSetup;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

/**
 * Describes the configured analyzer ({@link AnalyzerSetup}) from the same keys and defaults that
 * {@link AnalyzerFactory} builds it from, without building it: describing must not load a model or
 * open a connection. An unknown provider is reported as configured; building the analyzer is what
 * refuses it.
 */
@Factory
class AnalyzerSetupFactory {

    @Singleton
    AnalyzerSetup analyzerSetup(PropertyResolver config) {
        return describe(config);
    }

    static AnalyzerSetup describe(PropertyResolver config) {
        String provider = ProviderSettings.normalize(config.get(AnalyzerFactory.ANALYZER + "provider", String.class)
                .orElse(OfflineContextAnalyzer.PROVIDER));
        if (provider.equals(OfflineContextAnalyzer.PROVIDER) || !ProviderSettings.PROVIDERS.contains(provider)) {
            return new AnalyzerSetup(
                    provider, provider.equals(OfflineContextAnalyzer.PROVIDER) ? MiniLmEmbeddings.MODEL_NAME : null);
        }
        return new AnalyzerSetup(
                provider, AnalyzerFactory.providerSettings(config, provider).model());
    }
}
