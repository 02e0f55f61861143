package dev.atelier.http.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Micronaut's aggregator, except that the status-only answer (what anonymous callers get with
 * {@code endpoints.health.details-visible: NEVER}) is named after the application
 * ({@code micronaut.application.name}) instead of {@code "name": null}, as the answer with details
 * already is.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
@Requires(beans = HealthEndpoint.class)
final class ApplicationNamedHealthAggregator implements HealthAggregator<HealthResult> {
    private final DefaultHealthAggregator framework;
    private final String applicationName;

    ApplicationNamedHealthAggregator(ApplicationConfiguration applicationConfiguration) {
        this.framework = new DefaultHealthAggregator(applicationConfiguration);
        this.applicationName = applicationConfiguration.getName().orElse("atelier");
    }

    @Override
    public Publisher<HealthResult> aggregate(HealthIndicator[] indicators, HealthLevelOfDetail healthLevelOfDetail) {
        return Publishers.map(framework.aggregate(indicators, healthLevelOfDetail), this::named);
    }

    @Override
    public Publisher<HealthResult> aggregate(String name, Publisher<HealthResult> result) {
        return framework.aggregate(name, result);
    }

    private HealthResult named(HealthResult result) {
        if (result.getName() != null) {
            return result;
        }
        return HealthResult.builder(applicationName, result.getStatus())
                .details(result.getDetails())
                .build();
    }
}
