package dev.atelier.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.http.testing.AtelierServer;
import java.io.IOException;

/** Reads an error answer in the shape of the dialect that owns a path, and checks that shape. */
final class DialectErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DialectErrors() {}

    /** The message of a {@code status} answer, after checking it is in {@code dialect}'s error shape. */
    static String refusal(Dialect dialect, AtelierServer.Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        return messageIn(dialect.path, reply.body());
    }

    /** The message of {@code body}, after checking it is the error shape of {@code path}'s dialect. */
    static String messageIn(String path, String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the error answer is not JSON: " + body, e);
        }
        String message;
        if (path.startsWith("/api/v1/")) {
            assertThat(error.path("status").asText()).isEqualTo("error");
            assertThat(error.has("data")).isTrue();
            message = error.path("message").asText();
        } else if (path.startsWith("/api/projects")) {
            assertThat(error.path("type").asText()).isEqualTo("about:blank");
            assertThat(error.path("status").isInt()).isTrue();
            message = error.path("detail").asText();
        } else {
            assertThat(error.fieldNames()).toIterable().containsExactly("error");
            message = error.path("error").asText();
        }
        // never Java internals in a message
        assertThat(message).doesNotContain("Exception", "at dev.", "at com.", "java.", "/tmp/", "SELECT ");
        return message;
    }
}
