package dev.atelier.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a body may hold and how large it may be, on a server whose limits are scaled down (a
 * request body of {@link #MAX_REQUEST} bytes, a JSON document of {@link #MAX_JSON}): duplicate keys
 * and numbers beyond a double's range are refused with 400 in every dialect and nothing is stored;
 * numbers a double cannot hold exactly keep their value; over-limit imports and JSON bodies answer
 * 413 in our words naming the limit and its setting, with Content-Length or chunked. Run on H2 and
 * PostgreSQL.
 */
abstract class StrictBodiesContract {
    static final long MAX_REQUEST = 2 * 1024 * 1024;
    static final long MAX_JSON = 1024 * 1024;

    /** The scaled-down limits every implementation starts its server with. */
    static Map<String, Object> limits() {
        return Map.of(
                "micronaut.server.max-request-size", MAX_REQUEST,
                "atelier.json.max-document-length", MAX_JSON,
                "atelier.analyzer.warm-up", false);
    }

    abstract AtelierServer server();

    private TestUser user;
    private int before;

    @BeforeEach
    void a_user_and_the_count_of_their_projects() {
        user = server().createUser("Strict Bodies");
        before = projects();
    }

    private int projects() {
        Reply reply = server().get("/api/v1/projects/list?scopes=user,organization,shared", user.token());
        assertThat(reply.status()).isEqualTo(200);
        return reply.data().size();
    }

    private Reply post(Dialect dialect, String path, String body) {
        return dialect.post(server(), user, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private String refused(Dialect dialect, Reply reply, int status) {
        String message = DialectErrors.refusal(dialect, reply, status);
        assertThat(projects()).isEqualTo(before);
        return message;
    }

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.values());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_key_given_twice_is_400_naming_the_key_and_nothing_is_stored(Dialect dialect) {
        String body = switch (dialect) {
            case V1 -> "{\"project\": {\"name\": \"dupA\", \"name\": \"dupB\"}}";
            case RESOURCE -> "{\"name\": \"dupA\", \"name\": \"dupB\"}";
            case LABELING -> "{\"type\": \"imageannotation\", \"name\": \"dupA\", \"name\": \"dupB\"}";
        };
        assertThat(refused(dialect, post(dialect, dialect.path, body), 400))
                .contains("'name'")
                .containsIgnoringCase("duplicate");
    }

    @Test
    void a_key_given_twice_deep_inside_free_form_metadata_is_400_too() {
        Reply reply = post(
                Dialect.RESOURCE,
                "/api/projects",
                "{\"name\": \"deep dup\", \"metadata\": {\"a\": {\"k\": 1, \"k\": 2}}}");
        assertThat(refused(Dialect.RESOURCE, reply, 400)).contains("'k'");
    }

    static Stream<Arguments> out_of_range() {
        return dialects().flatMap(d -> Stream.of("1e999", "-1e999").map(n -> Arguments.of(d, n)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("out_of_range")
    void a_number_beyond_a_double_is_400_never_stored_as_a_string(Dialect dialect, String number) {
        String body = switch (dialect) {
            case V1 -> "{\"project\": {\"name\": \"inf\", \"metadata\": {\"n\": " + number + "}}}";
            case RESOURCE -> "{\"name\": \"inf\", \"metadata\": {\"n\": " + number + "}}";
            case LABELING -> "{\"type\": \"imageannotation\", \"name\": \"inf\", \"params\": {\"n\": " + number + "}}";
        };
        assertThat(refused(dialect, post(dialect, dialect.path, body), 400))
                .contains(number)
                .contains("out of range");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nan_is_400(Dialect dialect) {
        String body = switch (dialect) {
            case V1 -> "{\"project\": {\"name\": \"nan\", \"metadata\": {\"n\": NaN}}}";
            case RESOURCE -> "{\"name\": \"nan\", \"metadata\": {\"n\": NaN}}";
            case LABELING -> "{\"type\": \"imageannotation\", \"name\": \"nan\", \"params\": {\"n\": NaN}}";
        };
        refused(dialect, post(dialect, dialect.path, body), 400);
    }

    @Test
    void set_params_with_a_number_beyond_a_double_is_400_and_changes_nothing() {
        String name = "inf-params-" + System.nanoTime();
        Reply created =
                post(Dialect.LABELING, "/v1/projects", "{\"type\": \"imageannotation\", \"name\": \"" + name + "\"}");
        assertThat(created.status()).as("%s", created).isBetween(200, 201);
        Reply reply = post(Dialect.LABELING, "/v1/projects/" + name + "/setParams", "{\"n\": -1e999}");
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(DialectErrors.messageIn("/v1/projects", reply.body())).contains("-1e999");
        Reply loaded = server().send(server().request("/v1/projects/" + name, null)
                .header("Authorization", AtelierServer.basicAuth(user.token()))
                .GET()
                .build());
        assertThat(loaded.body()).doesNotContain("Infinity");
    }

    @Test
    void numbers_a_double_cannot_hold_exactly_keep_their_value_and_type() throws Exception {
        Reply created = post(
                Dialect.RESOURCE,
                "/api/projects",
                "{\"name\": \"big numbers\", \"metadata\": {\"big\": 123456789012345678901234567890, \"small\": 0.5}}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("project_id").asText();
        JsonNode metadata = server().get("/api/v1/projects/load?project_id=" + id, user.token())
                .data()
                .path("metadata");
        assertThat(metadata.path("big").isNumber()).as("%s", metadata).isTrue();
        assertThat(metadata.path("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
        assertThat(metadata.path("small").doubleValue()).isEqualTo(0.5);
    }

    // ---- sizes

    private static String importBody(long size) {
        StringBuilder body = new StringBuilder("{\"scope\": \"user\", \"export_data\": {\"pad\": \"");
        body.append("x".repeat((int) size));
        return body.append("\"}}").toString();
    }

    static Stream<Arguments> imports() {
        return Stream.of("/api/v1/projects/%s/import-workspace", "/api/v1/workspaces/import-tables")
                .flatMap(p -> Stream.of(Arguments.of(p, false), Arguments.of(p, true)));
    }

    @ParameterizedTest(name = "{0} chunked={1}")
    @MethodSource("imports")
    void an_import_over_the_request_limit_is_413_naming_the_limit(String pathTemplate, boolean chunked)
            throws Exception {
        String workspace = server().post("/api/v1/workspaces/save", user.token(), Map.of("name", "import target"))
                .data()
                .path("workspace_id")
                .asText();
        String path = pathTemplate.contains("%s") ? pathTemplate.formatted(workspace) : pathTemplate;
        byte[] body = importBody(MAX_REQUEST + 512 * 1024).getBytes(StandardCharsets.UTF_8);
        RawAnswer answer = sendRaw(path, body, chunked);
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(DialectErrors.messageIn(path, answer.body()))
                .contains(Long.toString(MAX_REQUEST))
                .contains("micronaut.server.max-request-size");
        assertThat(projects()).isEqualTo(before);
    }

    @ParameterizedTest(name = "chunked={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void a_json_body_over_the_document_limit_is_413_naming_the_limit_in_our_words(boolean chunked) throws Exception {
        String json = "{\"name\": \"huge\", \"description\": \"" + "y".repeat((int) MAX_JSON) + "\"}";
        RawAnswer answer = sendRaw("/api/projects", json.getBytes(StandardCharsets.UTF_8), chunked);
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(DialectErrors.messageIn("/api/projects", answer.body()))
                .contains(Long.toString(MAX_JSON))
                .contains("atelier.json.max-document-length")
                .doesNotContain("rewrite", "controller", "stream");
        assertThat(projects()).isEqualTo(before);
    }

    record RawAnswer(int status, String text, String body) {}

    /**
     * Sends {@code body} over a plain socket (with Content-Length, or chunked in 64 KiB chunks)
     * from a writer thread, and reads the answer whatever happens to the writing: a server may
     * answer before the body is sent.
     */
    private RawAnswer sendRaw(String path, byte[] body, boolean chunked) throws Exception {
        var uri = server().uri(path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.token()
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "\r\n";
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    int chunk = 64 * 1024;
                    for (int at = 0; at < body.length; at += chunk) {
                        int n = Math.min(chunk, body.length - at);
                        if (chunked) {
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        }
                        out.write(body, at, n);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                } catch (java.io.IOException stoppedByTheServer) {
                    // the answer came first: what matters is what the client reads
                }
            });
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            writer.join(30_000);
            int status = Integer.parseInt(text.substring(9, 12));
            String answerBody = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new RawAnswer(status, text, answerBody);
        }
    }
}
