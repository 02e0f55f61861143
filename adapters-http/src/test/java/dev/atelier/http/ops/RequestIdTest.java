package dev.atelier.http.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestIdTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
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
    void a_sane_request_id_is_answered_as_it_was_sent() {
        Reply reply = server.send(server.request("/api/v1/workspaces/list", AtelierServer.ADMIN_TOKEN)
                .header("X-Request-Id", "abc.DEF-123_x")
                .GET()
                .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).isEqualTo("abc.DEF-123_x");
    }

    @Test
    void a_request_without_an_id_gets_a_new_one_also_on_errors() {
        Reply ok = server.get("/api/v1/workspaces/list", AtelierServer.ADMIN_TOKEN);
        Reply unauthenticated = server.get("/api/v1/workspaces/list", null);
        Reply unknown = server.get("/no/such/route", AtelierServer.ADMIN_TOKEN);
        Reply badInput = server.postRaw("/api/v1/workspaces/save", AtelierServer.ADMIN_TOKEN, "{not json");

        assertThat(List.of(ok, unauthenticated, unknown, badInput))
                .extracting(Reply::status)
                .containsExactly(200, 401, 404, 400);
        for (Reply reply : List.of(ok, unauthenticated, unknown, badInput)) {
            assertThat(reply.header("X-Request-Id")).as(reply.toString()).matches(UUID_PATTERN);
        }
        assertThat(ok.header("X-Request-Id")).isNotEqualTo(unauthenticated.header("X-Request-Id"));
    }

    @Test
    void an_id_that_is_too_long_or_has_odd_characters_is_replaced() {
        for (String presented : List.of("x".repeat(65), "a b", "id;drop", "<script>")) {
            Reply reply = server.send(server.request("/health", null)
                    .header("X-Request-Id", presented)
                    .GET()
                    .build());

            assertThat(reply.header("X-Request-Id")).as(presented).matches(UUID_PATTERN);
        }
        Reply longest = server.send(server.request("/health", null)
                .header("X-Request-Id", "y".repeat(64))
                .GET()
                .build());
        assertThat(longest.header("X-Request-Id")).isEqualTo("y".repeat(64));
    }

    @Test
    void a_log_line_written_while_serving_a_request_carries_its_id() {
        Logger logger = (Logger) LoggerFactory.getLogger(OpsTestBeans.LOGGER);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            Reply reply = server.send(server.request("/ops-test/log", AtelierServer.ADMIN_TOKEN)
                    .header("X-Request-Id", "trace-me-42")
                    .GET()
                    .build());
            Reply generated = server.get("/ops-test/log", AtelierServer.ADMIN_TOKEN);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(captured.list).hasSize(2);
            assertThat(captured.list.get(0).getMDCPropertyMap()).containsEntry(RequestId.MDC_KEY, "trace-me-42");
            assertThat(captured.list.get(1).getMDCPropertyMap())
                    .containsEntry(RequestId.MDC_KEY, generated.header("X-Request-Id"));
        } finally {
            logger.detachAppender(captured);
        }
    }

    @Test
    void json_logs_are_chosen_by_ATELIER_LOG_FORMAT_and_carry_the_request_id() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("ATELIER_LOG_FORMAT", "json");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).extracting(Appender::getName).containsExactly("json");
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appenders.get(0);
        assertThat(console.getEncoder()).isInstanceOf(JsonEncoder.class);

        LoggingEvent event = new LoggingEvent(
                Logger.class.getName(), root, ch.qos.logback.classic.Level.INFO, "saved {}", null, new Object[] {"p1"});
        event.setMDCPropertyMap(Map.of(RequestId.MDC_KEY, "req-7"));
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        context.stop();

        assertThat(line).startsWith("{").endsWith("\n").contains("\"request_id\":\"req-7\"", "saved p1");
        assertThat(line.strip()).doesNotContain("\n");
    }

    @Test
    void text_logs_are_the_default() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));

        List<String> names = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> names.add(a.getName()));
        context.stop();

        assertThat(names).containsExactly("text");
    }
}
