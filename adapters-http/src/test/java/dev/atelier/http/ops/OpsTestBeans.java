package dev.atelier.http.ops;

import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only beans of the ops tests, present only in servers started with {@link #PROPERTY}: a
 * small deterministic analyzer and extractor (whatever the analysis adapter on the classpath does,
 * these tests are about the decorators and health around the ports), and a route that writes a
 * log line while serving a request.
 */
final class OpsTestBeans {
    static final String PROPERTY = "atelier.test.ops-beans";
    static final String LOGGER = "dev.atelier.http.ops.test";

    private OpsTestBeans() {}

    static Map<String, Object> enabled() {
        return Map.of(PROPERTY, "true");
    }

    @Factory
    @Requires(property = PROPERTY, value = "true")
    static class Ports {
        @Singleton
        @Primary
        ContextAnalyzer analyzer() {
            return request -> {
                if (request.context().equals("fail")) {
                    throw new IllegalStateException("scripted failure");
                }
                boolean fallback = request.context().equals("fallback");
                return new Analysis(
                        new ProjectDraft("Draft", request.context(), null, null, null, null, null),
                        fallback ? "offline" : "scripted",
                        "scripted-model",
                        fallback,
                        fallback ? "provider down" : null);
            };
        }

        @Singleton
        @Primary
        TextExtractor extractor() {
            return (filename, content) -> {
                if (filename.endsWith(".exe")) {
                    throw new UnsupportedContentException("not a document");
                }
                return new ExtractedDocument(
                        "text/plain", new String(content, StandardCharsets.UTF_8), null, null, null, false);
            };
        }
    }

    @Requires(property = PROPERTY, value = "true")
    @Controller("/ops-test")
    static class LoggingController {
        private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

        @Get("/log")
        String log() {
            LOG.info(
                    "serving the logging test route on {}",
                    Thread.currentThread().getName());
            return "logged";
        }
    }
}
