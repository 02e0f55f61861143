package dev.atelier.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures raised outside controllers (here: in a filter) still answer in the dialect's shape. */
class FailuresTest {
    private static AtelierServer server;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(Map.of("atelier.test.failing-filter", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_domain_failure_in_a_filter_is_mapped_like_any_other() {
        Reply reply = server.get("/api/v1/boom/dependency", AtelierServer.ADMIN_TOKEN);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("status").asText()).isEqualTo("error");
        assertThat(reply.json().path("message").asText()).contains("unavailable");
    }

    @Test
    void an_unexpected_failure_is_a_generic_500_without_internals() {
        Reply reply = server.send(server.request("/api/v1/boom/other", AtelierServer.ADMIN_TOKEN)
                .header("X-Request-Id", "trace-me-1")
                .GET()
                .build());
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().path("status").asText()).isEqualTo("error");
        assertThat(reply.json().path("data").isNull()).isTrue();
        assertThat(reply.json().path("message").asText()).contains("trace-me-1");
        assertThat(reply.body())
                .doesNotContain("SELECT")
                .doesNotContain("/var/lib")
                .doesNotContain("Exception");
    }
}
