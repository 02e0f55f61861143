package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.port.ContextAnalyzer;
import io.micronaut.core.value.MapPropertyResolver;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The azure-openai adapter against a loopback HTTPS server speaking Azure OpenAI's chat
 * completions protocol ({@code /openai/deployments/{deployment}/chat/completions?api-version=}).
 * The Azure SDK only sends API keys over HTTPS, so the test makes a throw-away self-signed
 * certificate for 127.0.0.1 with the JDK's keytool and makes this JVM trust it.
 */
class AzureOpenAiProviderTest {
    private static final String PASSWORD = "changeit";
    private static SSLContext tls;

    private static final AnalysisRequest REQUEST = new AnalysisRequest(
            "Route incoming helpdesk tickets to the right support queue and flag urgent complaints",
            List.of(),
            TestTemplates.all());

    @BeforeAll
    static void certificate() throws Exception {
        Path dir = Files.createTempDirectory("atelier-tls");
        Path store = dir.resolve("loopback.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "loopback",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static ContextAnalyzer analyzer(ScriptedProvider server) {
        return new AnalyzerFactory()
                .contextAnalyzer(new MapPropertyResolver(Map.of(
                        "atelier.analyzer.provider", "azure-openai",
                        "atelier.analyzer.warm-up", "false",
                        "atelier.analyzer.azure-openai.base-url", server.baseUrl(),
                        "atelier.analyzer.azure-openai.api-key", "test-key",
                        "atelier.analyzer.azure-openai.model", "scripted-model",
                        "atelier.analyzer.azure-openai.timeout", "2s",
                        "atelier.analyzer.azure-openai.max-retries", "1",
                        "atelier.analyzer.azure-openai.retry-delay", "10ms")));
    }

    @Test
    void a_good_answer_becomes_the_draft() {
        String good = """
                {"name": "Helpdesk Ticket Triage", "description": "Routes tickets to queues and flags urgent ones.",
                 "type": "text_classification", "tags": ["tickets", "routing"], "domain": "customer-support",
                 "template_id": "support-ticket-routing"}""";
        try (ScriptedProvider server =
                new ScriptedProvider("azure-openai", new ScriptedProvider.Script(200, good, 0), tls)) {
            Analysis analysis = analyzer(server).analyze(REQUEST);

            assertThat(analysis.fallback())
                    .as(String.valueOf(analysis.reason()))
                    .isFalse();
            assertThat(analysis.provider()).isEqualTo("azure-openai");
            assertThat(analysis.draft().name()).isEqualTo("Helpdesk Ticket Triage");
            assertThat(analysis.draft().templateId()).isEqualTo("support-ticket-routing");
            assertThat(server.seen()).hasSize(1);
            assertThat(server.seen().get(0).path())
                    .startsWith("/openai/deployments/scripted-model/chat/completions")
                    .contains("api-version=");
        }
    }

    @Test
    void malformed_json_is_retried_then_answered_offline() {
        try (ScriptedProvider server =
                new ScriptedProvider("azure-openai", new ScriptedProvider.Script(200, "not json at all", 0), tls)) {
            Analysis analysis = analyzer(server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.reason()).contains("invalid answer");
            assertThat(server.seen()).hasSize(2);
        }
    }

    @Test
    void a_server_error_is_answered_offline() {
        try (ScriptedProvider server =
                new ScriptedProvider("azure-openai", new ScriptedProvider.Script(500, "", 0), tls)) {
            Analysis analysis = analyzer(server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.draft().domain()).isEqualTo("customer-support");
            assertThat(server.seen()).isNotEmpty();
        }
    }

    @Test
    void a_slow_answer_past_the_timeout_is_answered_offline() {
        try (ScriptedProvider server =
                new ScriptedProvider("azure-openai", new ScriptedProvider.Script(200, "{}", 4500), tls)) {
            Analysis analysis = analyzer(server).analyze(REQUEST);

            assertThat(analysis.fallback()).isTrue();
            assertThat(analysis.reason()).contains("azure-openai");
        }
    }
}
