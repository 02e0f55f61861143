package dev.atelier.http.ops;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.port.ContextAnalyzer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every analysis as {@code atelier.analyzer.duration} with the tags {@code provider} (the
 * provider that answered, {@code unknown} when none did), {@code outcome} ({@code success},
 * {@code fallback} when the offline analyzer stood in, {@code error}) and {@code exception} (the
 * error's simple class name or {@code none}). Wraps whatever adapter implements the port.
 */
final class TimedContextAnalyzer implements ContextAnalyzer {
    static final String METER = "atelier.analyzer.duration";

    private final ContextAnalyzer delegate;
    private final MeterRegistry registry;

    TimedContextAnalyzer(ContextAnalyzer delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Analysis analyze(AnalysisRequest request) {
        Timer.Sample sample = Timer.start(registry);
        String provider = "unknown";
        String outcome = "error";
        String exception = "none";
        try {
            Analysis analysis = delegate.analyze(request);
            provider = analysis.provider();
            outcome = analysis.fallback() ? "fallback" : "success";
            return analysis;
        } catch (RuntimeException | Error failure) {
            exception = failure.getClass().getSimpleName();
            throw failure;
        } finally {
            sample.stop(Timer.builder(METER)
                    .description("Time to analyze a context into a project draft")
                    .tag("provider", provider)
                    .tag("outcome", outcome)
                    .tag("exception", exception)
                    .register(registry));
        }
    }

    ContextAnalyzer delegate() {
        return delegate;
    }
}
