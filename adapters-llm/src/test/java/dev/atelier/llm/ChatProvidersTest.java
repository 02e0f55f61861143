package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.port.ContextAnalyzer;
import io.micronaut.core.value.MapPropertyResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every chat provider adapter against a loopback server speaking that provider's protocol. */
class ChatProvidersTest {
    private static final String GOOD = """
            {"name": "Customer Value Segments",
             "description": "Segments customers by purchase behaviour and lifetime value to target marketing campaigns.",
             "type": "segmentation",
             "tags": ["segmentation", "customer lifetime value", "campaigns"],
             "domain": "Marketing",
             "template_id": "customer-segmentation"}""";
    private static final AnalysisRequest REQUEST = new AnalysisRequest(
            "Analyze customer purchase patterns and identify high-value segments for targeted marketing campaigns",
            List.of(new AnalysisRequest.NamedText(
                    "customer_data.csv", "text/csv", "customer_id,segment,lifetime_value\n1,gold,1200\n")),
            TestTemplates.all());

    private static ContextAnalyzer analyzer(String provider, ScriptedProvider server) {
        String p = "atelier.analyzer." + provider + ".";
        MapPropertyResolver config = new MapPropertyResolver(Map.of(
                "atelier.analyzer.provider",
                provider,
                "atelier.analyzer.warm-up",
                "false",
                p + "base-url",
                server.baseUrl(),
                p + "api-key",
                "test-key",
                p + "model",
                "scripted-model",
                p + "timeout",
                "1s",
                p + "max-retries",
                "1",
                p + "retry-delay",
                "10ms"));
        return new AnalyzerFactory().contextAnalyzer(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini", "mistral"})
    void a_good_answer_becomes_the_draft(String provider) {
        try (ScriptedProvider server = new ScriptedProvider(provider, new ScriptedProvider.Script(200, GOOD, 0))) {
            Analysis analysis = analyzer(provider, server).analyze(REQUEST);

            assertThat(analysis.fallback())
                    .as(String.valueOf(analysis.reason()))
                    .isFalse();
            assertThat(analysis.provider()).isEqualTo(provider);
            assertThat(analysis.model()).isEqualTo("scripted-model");
            assertThat(analysis.draft().name()).isEqualTo("Customer Value Segments");
            assertThat(analysis.draft().domain()).isEqualTo("marketing");
            assertThat(analysis.draft().type()).isEqualTo("segmentation");
            assertThat(analysis.draft().templateId()).isEqualTo("customer-segmentation");
            assertThat(analysis.taskKind().label()).isEqualTo("segmentation");
            assertThat(analysis.taskKind().score()).isNull();
            assertThat(analysis.template().label()).isEqualTo("customer-segmentation");
            assertThat(analysis.draft().tags()).contains("segmentation", "customer-lifetime-value", "marketing");
            assertThat(analysis.draft().params()).containsKey("n_clusters");
            assertThat(server.seen()).hasSize(1);
            ScriptedProvider.Seen call = server.seen().get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).contains(expectedPath(provider));
            assertThat(call.body()).contains("high-value segments").contains("customer_data.csv");
        }
    }

    @Test
    void the_prompt_carries_the_shared_task_kinds_domains_and_catalog() {
        try (ScriptedProvider server = new ScriptedProvider("openai", new ScriptedProvider.Script(200, GOOD, 0))) {
            analyzer("openai", server).analyze(REQUEST);

            String body = server.seen().get(0).body();
            assertThat(body)
                    .contains("anomaly_detection")
                    .contains("question_answering")
                    .contains("public-sector")
                    .contains("delivery-route-optimization | optimization | logistics");
        }
    }

    @Test
    void an_answer_outside_the_vocabulary_is_brought_back_to_it_and_a_template_of_another_kind_is_dropped() {
        String answer = """
                {"name": "Customer Value Segments", "description": "Groups customers by value.",
                 "type": "clustering", "tags": ["segments"], "domain": "Banking",
                 "template_id": "customer-churn-prediction"}""";
        try (ScriptedProvider server = new ScriptedProvider("openai", new ScriptedProvider.Script(200, answer, 0))) {
            Analysis analysis = analyzer("openai", server).analyze(REQUEST);

            assertThat(analysis.fallback()).isFalse();
            assertThat(analysis.draft().type()).isEqualTo("segmentation");
            assertThat(analysis.draft().domain()).isEqualTo("general");
            assertThat(analysis.draft().templateId()).isNull();
            assertThat(analysis.draft().params()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini", "mistral"})
    void malformed_json_is_retried_then_answered_offline(String provider) {
        try (ScriptedProvider server = new ScriptedProvider(
                provider, new ScriptedProvider.Script(200, "{\"name\": \"Broken, \"description\": ", 0))) {
            Analysis analysis = analyzer(provider, server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.provider()).isEqualTo("offline");
            assertThat(analysis.reason()).contains(provider).contains("invalid answer");
            assertThat(analysis.draft().name()).isNotBlank();
            assertThat(server.seen()).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini", "mistral"})
    void unsafe_output_is_refused(String provider) {
        String unsafe = GOOD.replace("Customer Value Segments", "<script>alert(1)</script>");
        try (ScriptedProvider server = new ScriptedProvider(provider, new ScriptedProvider.Script(200, unsafe, 0))) {
            Analysis analysis = analyzer(provider, server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.draft().name()).doesNotContain("<");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini", "mistral"})
    void a_server_error_is_retried_then_answered_offline(String provider) {
        try (ScriptedProvider server = new ScriptedProvider(provider, new ScriptedProvider.Script(500, "", 0))) {
            Analysis analysis = analyzer(provider, server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.reason()).contains(provider);
            assertThat(analysis.draft().domain()).isEqualTo("marketing");
            assertThat(server.seen()).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini", "mistral"})
    void a_slow_answer_past_the_timeout_is_answered_offline(String provider) {
        try (ScriptedProvider server = new ScriptedProvider(provider, new ScriptedProvider.Script(200, GOOD, 2500))) {
            Analysis analysis = analyzer(provider, server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.reason()).contains(provider);
            assertThat(analysis.draft().name()).isNotEqualTo("Customer Value Segments");
        }
    }

    /**
     * The Azure SDK refuses to send a key credential over plain HTTP, so the loopback script (HTTP
     * only) cannot answer it; what can be checked here is that the refusal is a fallback, not an
     * error, and that the key never left the process.
     */
    @Test
    void azure_openai_refuses_a_key_over_plain_http_and_falls_back() {
        try (ScriptedProvider server =
                new ScriptedProvider("azure-openai", new ScriptedProvider.Script(200, GOOD, 0))) {
            Analysis analysis = analyzer("azure-openai", server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.reason()).contains("azure-openai").contains("HTTPS");
            assertThat(server.seen()).isEmpty();
        }
    }

    private static String expectedPath(String provider) {
        return switch (provider) {
            case "openai", "mistral" -> "/v1/chat/completions";
            case "ollama" -> "/api/chat";
            case "anthropic" -> "/v1/messages";
            case "azure-openai" -> "/openai/deployments/scripted-model/chat/completions";
            case "gemini" -> "/v1beta/models/scripted-model:generateContent";
            default -> throw new IllegalArgumentException(provider);
        };
    }
}
