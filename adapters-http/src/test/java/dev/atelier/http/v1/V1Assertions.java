package dev.atelier.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.Reply;

/** Checks of the v1 envelope shared by the v1 tests. */
final class V1Assertions {
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private V1Assertions() {}

    static JsonNode success(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("status").asText()).isEqualTo("success");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("data")).isTrue();
        return body.path("data");
    }

    /** A v1 error with {@code status}; returns the message. */
    static String error(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(body.path("status").asText()).as(reply.toString()).isEqualTo("error");
        assertThat(body.has("data")).isTrue();
        assertThat(body.path("data").isNull()).isTrue();
        String message = body.path("message").asText();
        assertThat(message).isNotBlank();
        assertThat(reply.body())
                .doesNotContain("Exception")
                .doesNotContain("dev.atelier")
                .doesNotContain("io.micronaut")
                .doesNotContain("com.fasterxml")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("/tmp/")
                .doesNotContain("\tat ");
        return message;
    }
}
