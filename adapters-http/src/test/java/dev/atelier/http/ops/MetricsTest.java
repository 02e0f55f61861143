package dev.atelier.http.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(OpsTestBeans.enabled());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void prometheus_is_public_and_exposes_request_timings_per_route_and_status() {
        assertThat(server.get("/api/v1/workspaces/list", AtelierServer.ADMIN_TOKEN)
                        .status())
                .isEqualTo(200);
        assertThat(server.postRaw("/api/v1/workspaces/save", AtelierServer.ADMIN_TOKEN, "{not json")
                        .status())
                .isEqualTo(400);

        Reply metrics = server.get("/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*"
                        + "uri=\"/api/v1/workspaces/list\"[^}]*} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\",status=\"400\","
                        + "uri=\"/api/v1/workspaces/save\"}")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections");
    }

    @Test
    void analyzer_and_extraction_timings_are_exposed_with_their_tags() {
        ContextAnalyzer analyzer = server.context().getBean(ContextAnalyzer.class);
        TextExtractor extractor = server.context().getBean(TextExtractor.class);
        assertThat(analyzer).isInstanceOf(TimedContextAnalyzer.class);
        assertThat(extractor).isInstanceOf(TimedTextExtractor.class);

        analyzer.analyze(new AnalysisRequest("a bakery", null, null));
        analyzer.analyze(new AnalysisRequest("fallback", null, null));
        extractor.extract("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> extractor.extract("tool.exe", new byte[] {1}))
                .isInstanceOf(UnsupportedContentException.class);

        String metrics = server.get("/prometheus", null).body();
        assertThat(metrics)
                .containsPattern("atelier_analyzer_duration_seconds_count\\{exception=\"none\",outcome=\"success\","
                        + "provider=\"scripted\"} 1")
                .containsPattern("atelier_analyzer_duration_seconds_count\\{exception=\"none\",outcome=\"fallback\","
                        + "provider=\"offline\"} 1")
                .containsPattern("atelier_extraction_duration_seconds_count\\{media_type=\"text/plain\","
                        + "outcome=\"success\"} 1")
                .containsPattern("atelier_extraction_duration_seconds_count\\{media_type=\"unknown\","
                        + "outcome=\"unsupported\"} 1");
    }
}
