package dev.atelier.http.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.model.AnalysisRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TimedPortsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_failed_analysis_is_timed_as_an_error_with_the_exception_and_rethrown() {
        var analyzer = new TimedContextAnalyzer(
                request -> {
                    throw new IllegalStateException("boom");
                },
                registry);

        assertThatThrownBy(() -> analyzer.analyze(new AnalysisRequest("x", null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThat(registry.get(TimedContextAnalyzer.METER)
                        .tags("provider", "unknown", "outcome", "error", "exception", "IllegalStateException")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void extraction_failures_are_timed_by_kind() {
        var tooLarge = new TimedTextExtractor(
                (name, bytes) -> {
                    throw new PayloadTooLargeException("too big");
                },
                registry);
        var unreadable = new TimedTextExtractor(
                (name, bytes) -> {
                    throw new UnreadableContentException("encrypted");
                },
                registry);

        assertThatThrownBy(() -> tooLarge.extract("a.pdf", new byte[0])).isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> unreadable.extract("b.pdf", new byte[0]))
                .isInstanceOf(UnreadableContentException.class);

        assertThat(registry.get(TimedTextExtractor.METER)
                        .tags("outcome", "too_large")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(TimedTextExtractor.METER)
                        .tags("outcome", "unreadable", "media_type", "unknown")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
