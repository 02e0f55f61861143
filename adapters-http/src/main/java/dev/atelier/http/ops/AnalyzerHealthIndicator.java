package dev.atelier.http.ops;

import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Readiness of the analysis side: the {@link ContextAnalyzer} and {@link TextExtractor} ports are
 * wired (their adapters are configured and could be built). It neither loads a model nor calls a
 * provider: a remote provider being down is not a reason to take an instance out of a load
 * balancer, since the analyzer falls back to the offline analysis. The database's readiness is
 * Micronaut's own JDBC health indicator.
 */
@Singleton
@Readiness
final class AnalyzerHealthIndicator implements HealthIndicator {
    static final String NAME = "analyzer";

    private final BeanProvider<ContextAnalyzer> analyzer;
    private final BeanProvider<TextExtractor> extractor;

    AnalyzerHealthIndicator(BeanProvider<ContextAnalyzer> analyzer, BeanProvider<TextExtractor> extractor) {
        this.analyzer = analyzer;
        this.extractor = extractor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = check("contextAnalyzer", analyzer, details) & check("textExtractor", extractor, details);
        return Publishers.just(HealthResult.builder(NAME, up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details)
                .build());
    }

    private static boolean check(String name, BeanProvider<?> port, Map<String, Object> details) {
        try {
            port.get();
            details.put(name, "ready");
            return true;
        } catch (RuntimeException notReady) {
            // the message says which configuration is missing or wrong; details are only shown
            // to operators when endpoints.health.details-visible allows it
            details.put(name, "not ready: " + notReady.getMessage());
            return false;
        }
    }
}
