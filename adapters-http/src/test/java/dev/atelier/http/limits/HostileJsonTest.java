package dev.atelier.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile JSON sent to the create endpoint of every dialect: Jackson's read limits (nesting depth
 * 64, strings of 5 MiB, documents of 16 MiB, numbers of 1000 digits), wrong types, and names with
 * NUL bytes, invalid UTF-8, control characters or broken surrogates. Each is a 4xx in the dialect's
 * error shape with a message and no internals, and no project is created. Unknown fields are
 * ignored (docs/security.md says why) and never stored.
 */
class HostileJsonTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser user = server.createUser("Hostile Json");
    private int before;

    @BeforeEach
    void count_projects() {
        before = projects();
    }

    private int projects() {
        Reply reply = server.get("/api/v1/projects/list?scopes=user,organization,shared", user.token());
        assertThat(reply.status()).isEqualTo(200);
        return reply.data().size();
    }

    private Reply create(Dialect dialect, byte[] body) {
        return dialect.post(server, user, dialect.path, body);
    }

    private Reply create(Dialect dialect, String fields) {
        return create(dialect, dialect.body.apply(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a {@code status} answer in the dialect's shape, nothing created, and returns the message. */
    private String refused(Dialect dialect, Reply reply, int status) {
        String message = DialectErrors.refusal(dialect, reply, status);
        assertThat(message).isNotBlank();
        assertThat(projects()).isEqualTo(before);
        return message;
    }

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.values());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nesting_deeper_than_64_levels_is_400(Dialect dialect) {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThat(refused(dialect, create(dialect, "\"name\": \"deep\", \"extra\": " + deep), 400))
                .contains("request JSON exceeds the server's limits");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_string_longer_than_5_mib_is_400(Dialect dialect) {
        String blob = "x".repeat(5 * 1024 * 1024 + 1);
        assertThat(refused(dialect, create(dialect, "\"name\": \"long\", \"extra\": \"" + blob + "\""), 400))
                .contains("request JSON exceeds the server's limits");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_document_larger_than_16_mib_is_413(Dialect dialect) {
        StringBuilder fields = new StringBuilder("\"name\": \"huge\"");
        String mebibyte = "y".repeat(1024 * 1024);
        for (int i = 0; i < 17; i++) {
            fields.append(", \"extra")
                    .append(i)
                    .append("\": \"")
                    .append(mebibyte)
                    .append('"');
        }
        refused(dialect, create(dialect, fields.toString()), 413);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_number_of_more_than_1000_digits_is_400(Dialect dialect) {
        assertThat(refused(dialect, create(dialect, "\"name\": \"n\", \"extra\": " + "9".repeat(1001)), 400))
                .contains("request JSON exceeds the server's limits");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_name_of_the_wrong_type_is_400_naming_the_field(Dialect dialect) {
        assertThat(refused(dialect, create(dialect, "\"name\": 42"), 400)).contains("name");
        assertThat(refused(dialect, create(dialect, "\"name\": [\"a\"]"), 400)).contains("name");
        assertThat(refused(dialect, create(dialect, "\"name\": {\"a\": 1}"), 400))
                .contains("name");
    }

    static Stream<Arguments> control_characters() {
        return dialects()
                .flatMap(d -> Stream.of("\\u0000", "\\t", "\\n", "\\r", "\\u001b", "\\u007f", "\\u0085")
                        .map(c -> Arguments.of(d, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("control_characters")
    void a_name_with_a_nul_byte_or_any_control_character_is_400(Dialect dialect, String escaped) {
        assertThat(refused(dialect, create(dialect, "\"name\": \"bad" + escaped + "name\""), 400))
                .contains("control characters");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_raw_nul_byte_inside_a_json_string_is_400_malformed(Dialect dialect) {
        assertThat(refused(dialect, create(dialect, "\"name\": \"bad\u0000name\""), 400))
                .containsIgnoringCase("JSON");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_lone_surrogate_in_a_name_is_400(Dialect dialect) {
        assertThat(refused(dialect, create(dialect, "\"name\": \"bad\\ud800name\""), 400))
                .contains("valid Unicode");
    }

    static Stream<Arguments> invalid_utf8() {
        byte[][] sequences = {
            {(byte) 0xFF}, // never valid
            {(byte) 0xC3}, // a lead byte without its continuation
            {(byte) 0x80}, // a continuation byte alone
            {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80} // an encoded surrogate
        };
        return dialects().flatMap(d -> Stream.of(sequences).map(s -> Arguments.of(d, s)));
    }

    @ParameterizedTest
    @MethodSource("invalid_utf8")
    void invalid_utf8_in_a_name_is_400_malformed(Dialect dialect, byte[] sequence) {
        String[] around = dialect.body.apply("\"name\": \"bad@name\"").split("@");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(sequence);
        body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        assertThat(refused(dialect, create(dialect, body.toByteArray()), 400)).containsIgnoringCase("UTF-8");
    }

    static Stream<Arguments> other_encodings() {
        return dialects()
                .flatMap(d -> Stream.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")
                        .map(charset -> Arguments.of(d, charset)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("other_encodings")
    void json_in_utf16_or_utf32_is_400(Dialect dialect, String charset) {
        byte[] body = dialect.body.apply("\"name\": \"wide\"").getBytes(java.nio.charset.Charset.forName(charset));
        assertThat(refused(dialect, create(dialect, body), 400)).containsIgnoringCase("UTF-8");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void unknown_fields_are_ignored_and_not_stored(Dialect dialect) {
        Reply reply =
                create(dialect, "\"name\": \"Known fields only\", \"no_such_field\": {\"x\": 1}, \"owner_id\": \"u0\"");
        assertThat(reply.status()).as("%s", reply).isBetween(200, 201);
        assertThat(projects()).isEqualTo(before + 1);
        assertThat(reply.body()).doesNotContain("no_such_field").doesNotContain("\"u0\"");
        JsonNode listed = server.get("/api/v1/projects/list", user.token()).data();
        assertThat(listed.toString()).doesNotContain("no_such_field").doesNotContain("\"u0\"");
    }
}
