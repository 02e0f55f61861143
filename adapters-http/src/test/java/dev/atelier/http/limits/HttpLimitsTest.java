package dev.atelier.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP transport limits against hostile clients, over real sockets: an over-long request line is
 * 414, an over-large header block 431, a body whose Content-Length passes the request limit is 413
 * before a byte of it is sent, a multipart part over its limit is 413, and a request trickled
 * slower than the total deadline is cut off with 408 — each in the dialect's error shape (where the
 * path is known) and with nothing changed.
 */
class HttpLimitsTest {
    /** A short deadline so that the slow-client tests take seconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private static AtelierServer server;
    private static TestUser user;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(Map.of("atelier.http.upload-deadline", DEADLINE.toMillis() + "ms"));
        user = server.createUser("Hostile Client");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RawHttp connect() {
        return new RawHttp(server.uri("/"), Duration.ofSeconds(10));
    }

    /** The user's projects, as the v1 list answers them. */
    private static int projects() {
        var reply = server.get("/api/v1/projects/list?scopes=user,organization,shared", user.token());
        assertThat(reply.status()).isEqualTo(200);
        return reply.data().size();
    }

    private static String head(String method, String path, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static String errorIn(String path, String body) {
        return DialectErrors.messageIn(path, body);
    }

    @Test
    void a_request_line_longer_than_4_kib_is_414_and_the_connection_closed() {
        try (RawHttp raw = connect()) {
            raw.write(head("GET", "/api/projects?search=" + "a".repeat(5000), "Authorization: Bearer " + user.token()));
            RawHttp.Answer answer = raw.read();
            assertThat(answer.status()).isEqualTo(414);
            assertThat(answer.closed()).isTrue();
            assertThat(errorIn("/api/v1/", answer.body())).contains("request line");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/projects/save", "/api/projects", "/v1/projects"})
    void a_header_block_larger_than_8_kib_is_431_in_the_dialect_shape_and_changes_nothing(String path) {
        int before = projects();
        try (RawHttp raw = connect()) {
            raw.write(head(
                    "POST",
                    path,
                    "Authorization: Bearer " + user.token(),
                    "Content-Type: application/json",
                    "X-Padding: " + "p".repeat(9000),
                    "Content-Length: 2"));
            raw.write("{}");
            RawHttp.Answer answer = raw.read();
            assertThat(answer.status()).isEqualTo(431);
            assertThat(answer.closed()).isTrue();
            assertThat(errorIn(path, answer.body())).contains("headers");
        }
        assertThat(projects()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/projects/save", "/api/projects", "/v1/projects"})
    void a_content_length_over_100_mib_is_413_before_the_body_is_sent(String path) {
        int before = projects();
        try (RawHttp raw = connect()) {
            // the head only: the server must answer without waiting for the 200 MB it announces
            raw.write(head(
                    "POST",
                    path,
                    "Authorization: Bearer " + user.token(),
                    "Content-Type: application/json",
                    "Content-Length: 200000000"));
            long started = System.nanoTime();
            RawHttp.Answer answer = raw.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE);
            assertThat(answer.closed()).isTrue();
            assertThat(errorIn(path, answer.body()))
                    .contains("104857600")
                    .contains("micronaut.server.max-request-size");
        }
        assertThat(projects()).isEqualTo(before);
    }

    @Test
    void an_uploaded_file_over_the_25_mib_part_limit_is_413_and_creates_nothing() {
        // the shared server (default deadline): 26 MiB may take longer than this class's 2 s here
        AtelierServer server = AtelierServer.shared();
        TestUser user = server.createUser("Big Uploader");
        int before = server.get("/api/v1/projects/list", user.token()).data().size();
        String boundary = "atelier-" + UUID.randomUUID();
        byte[] file = new byte[26 * 1024 * 1024];
        Arrays.fill(file, (byte) 'a');
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n"
                        + "A project about the letter a\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var reply = server.send(server.request("/api/v1/projects/workspace_id/create-from-context", user.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, file, tail)))
                .build());
        assertThat(reply.status()).isEqualTo(413);
        assertThat(errorIn("/api/v1/", reply.body()))
                .contains("26214400")
                .contains("micronaut.server.multipart.max-file-size");
        assertThat(server.get("/api/v1/projects/list", user.token()).data().size())
                .isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/projects/save", "/api/projects", "/v1/projects"})
    void a_body_trickled_slower_than_the_deadline_is_cut_off_with_408_and_changes_nothing(String path)
            throws InterruptedException {
        int before = projects();
        String body = "{\"project\": {\"name\": \"slow\"}, \"name\": \"slow\"}" + " ".repeat(200);
        try (RawHttp raw = connect()) {
            raw.write(head(
                    "POST",
                    path,
                    "Authorization: Bearer " + user.token(),
                    "Content-Type: application/json",
                    "Content-Length: " + body.length()));
            long started = System.nanoTime();
            // one byte every 100 ms: never idle, but 25 s for the whole body
            for (int i = 0; i < body.length(); i++) {
                if (!raw.write(body.substring(i, i + 1))) {
                    break; // the server hung up
                }
                Thread.sleep(100);
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE.multipliedBy(3)) > 0) {
                    break;
                }
            }
            RawHttp.Answer answer = raw.read();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.closed()).isTrue();
            assertThat(errorIn(path, answer.body())).contains("upload-deadline");
            assertThat(took).isLessThan(DEADLINE.multipliedBy(3));
        }
        assertThat(projects()).isEqualTo(before);
    }

    @Test
    void a_request_head_trickled_slower_than_the_deadline_is_cut_off_with_408() throws InterruptedException {
        String head = head(
                "GET", "/api/v1/projects/list", "Authorization: Bearer " + user.token(), "X-Slow: " + "s".repeat(100));
        try (RawHttp raw = connect()) {
            long started = System.nanoTime();
            for (int i = 0; i < head.length() - 2; i++) {
                if (!raw.write(head.substring(i, i + 1))) {
                    break;
                }
                Thread.sleep(50);
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE.multipliedBy(3)) > 0) {
                    break;
                }
            }
            RawHttp.Answer answer = raw.read();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.closed()).isTrue();
            assertThat(errorIn("/api/v1/", answer.body())).contains("upload-deadline");
        }
    }

    @Test
    void a_kept_alive_connection_idle_between_requests_longer_than_the_deadline_still_works()
            throws InterruptedException {
        try (RawHttp raw = connect()) {
            String list = head("GET", "/api/v1/projects/list", "Authorization: Bearer " + user.token());
            raw.write(list);
            assertThat(raw.read().status()).isEqualTo(200);
            Thread.sleep(DEADLINE.toMillis() + 1000);
            raw.write(list);
            RawHttp.Answer second = raw.read();
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.closed()).isFalse();
        }
    }
}
