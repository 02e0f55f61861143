package dev.atelier.http.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import io.micronaut.context.exceptions.NoSuchBeanException;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class HealthTest {
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        Map<String, Object> config = new HashMap<>(OpsTestBeans.enabled());
        config.put("endpoints.health.details-visible", "ANONYMOUS");
        server = AtelierServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health_is_public_and_up_with_the_database_and_the_analyzer_ready() {
        Reply reply = server.get("/health", null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
        assertThat(reply.json().path("details").path("jdbc").path("status").asText())
                .isEqualTo("UP");
        assertThat(reply.json().path("details").path("analyzer").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void the_status_only_answer_for_anonymous_callers_is_named_after_the_application() {
        // the shared server runs the shipped configuration: details are never shown
        Reply reply = AtelierServer.shared().get("/health", null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("name").asText()).as(reply.toString()).isEqualTo("atelier");
        assertThat(reply.json().path("status").asText()).isEqualTo("UP");
        assertThat(reply.json().path("details").isNull()).as(reply.toString()).isTrue();
    }

    @Test
    void with_details_the_answer_is_named_after_the_application_too() {
        Reply reply = server.get("/health", null);

        assertThat(reply.json().path("name").asText()).as(reply.toString()).isEqualTo("atelier");
    }

    @Test
    void readiness_checks_the_database_and_the_analyzer_and_liveness_answers() {
        Reply readiness = server.get("/health/readiness", null);
        Reply liveness = server.get("/health/liveness", null);

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().path("details").has("jdbc"))
                .as(readiness.toString())
                .isTrue();
        assertThat(readiness.json().path("details").has("analyzer"))
                .as(readiness.toString())
                .isTrue();
        assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_analyzer_is_not_ready_when_a_port_has_no_adapter() {
        TextExtractor extractor = (name, bytes) -> new ExtractedDocument("text/plain", "", null, null, null, false);
        AnalyzerHealthIndicator indicator = new AnalyzerHealthIndicator(
                () -> {
                    throw new NoSuchBeanException(ContextAnalyzer.class);
                },
                () -> extractor);

        HealthResult result = Mono.from(indicator.getResult()).block();

        assertThat(result.getName()).isEqualTo("analyzer");
        assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.getDetails().toString()).contains("contextAnalyzer=not ready", "textExtractor=ready");
    }
}
