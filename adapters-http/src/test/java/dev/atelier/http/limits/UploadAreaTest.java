package dev.atelier.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's upload area on disk: what a killed server left there is swept at start-up (while a
 * running server's directory is kept), a request's files are gone when it ends, the server's
 * directory when it stops; and uploads and imports beyond the pool are answered 503 with
 * Retry-After.
 */
class UploadAreaTest {
    @TempDir
    Path root;

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /** Waits up to 20 s for a condition of the file system or the pool; fails naming what it waited for. */
    private static void await(Callable<Boolean> condition, String what) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .ignoreExceptions()
                .until(condition);
    }

    @Test
    void start_up_removes_what_a_killed_server_left_and_keeps_a_running_servers_files() throws Exception {
        // a killed server: its directory with its (unheld) lock and a half-spooled import
        Path killed = Files.createDirectories(root.resolve("server-killed"));
        Files.createFile(killed.resolve(".lock"));
        Files.write(killed.resolve("import-123.json"), new byte[1024]);
        Path stray = Files.write(root.resolve("import-stray.json"), new byte[10]);
        Path lockless = Files.createDirectories(root.resolve("server-old-without-lock"));
        Files.setLastModifiedTime(lockless, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        // a running server (this JVM holds its lock)
        Path running = Files.createDirectories(root.resolve("server-running"));
        Files.write(running.resolve("FUp_part.tmp"), new byte[10]);
        try (FileChannel lock = FileChannel.open(
                        running.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock();
                AtelierServer server = AtelierServer.start(Map.of("atelier.uploads.directory", root.toString()))) {
            assertThat(killed).doesNotExist();
            assertThat(stray).doesNotExist();
            assertThat(lockless).doesNotExist();
            assertThat(running.resolve("FUp_part.tmp")).exists();
            Path own = server.context().getBean(UploadArea.class).directory();
            assertThat(own.getParent()).isEqualTo(root.toAbsolutePath());
            assertThat(list(root)).containsExactlyInAnyOrder(running, own);
        }
    }

    @Test
    void a_requests_files_are_removed_when_it_ends_and_the_directory_when_the_server_stops() throws Exception {
        Path own;
        try (AtelierServer server = AtelierServer.start(Map.of("atelier.uploads.directory", root.toString()))) {
            own = server.context().getBean(UploadArea.class).directory();
            TestUser user = server.createUser("Spooler");
            String workspace = server.post("/api/v1/workspaces/save", user.token(), Map.of("name", "w"))
                    .data()
                    .path("workspace_id")
                    .asText();
            Reply refused = server.postRaw(
                    "/api/v1/projects/" + workspace + "/import-workspace", user.token(), "{\"export_data\": 42}");
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            Reply imported = server.postRaw(
                    "/api/v1/projects/" + workspace + "/import-workspace",
                    user.token(),
                    "{\"scope\": \"user\", \"export_data\": {\"format\": \"atelier.workspace\", \"format_version\": 1,"
                            + " \"tables\": {}}}");
            assertThat(imported.status()).as("%s", imported).isLessThan(500);
            // multipart parts above the threshold are written to disk, then removed
            String boundary = "b0undary";
            byte[] file = "a line of a plain text file\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n"
                            + "Sales figures\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + file.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(file, 0, body, head.length, file.length);
            System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
            Reply analyzed = server.send(server.request("/api/v1/projects/create-from-context", user.token())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build());
            assertThat(analyzed.status()).as("%s", analyzed).isEqualTo(200);
            Path dir = own;
            await(() -> list(dir).equals(List.of(dir.resolve(".lock"))), "only the lock left in " + own);
        }
        assertThat(own).doesNotExist();
    }

    @Test
    void an_upload_in_progress_is_written_to_disk_as_it_arrives() throws Exception {
        try (AtelierServer server = AtelierServer.start(Map.of("atelier.uploads.directory", root.toString()));
                Socket socket =
                        new Socket(server.uri("/").getHost(), server.uri("/").getPort())) {
            Path own = server.context().getBean(UploadArea.class).directory();
            TestUser user = server.createUser("Slow Uploader");
            String boundary = "b0undary";
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/projects/create-from-context HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + user.token() + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                            + "Content-Length: " + (20L * 1024 * 1024) + "\r\n\r\n"
                            + "--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] mebibyte = "0123456789abcdef".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 4; i++) {
                out.write(mebibyte);
            }
            out.flush();
            // 4 MiB of a 20 MiB part sent: they are in a file of this server's upload area
            await(
                    () -> list(own).stream()
                            .filter(f -> !f.getFileName().toString().equals(".lock"))
                            .anyMatch(f -> f.toFile().length() >= 3L * 1024 * 1024),
                    "a part file of at least 3 MiB in " + own);
        }
    }

    @Test
    void an_import_beyond_the_pool_is_503_with_retry_after_and_the_place_frees_up() throws Exception {
        try (AtelierServer server = AtelierServer.start(Map.of(
                "atelier.uploads.directory",
                root.toString(),
                "atelier.uploads.max-concurrent",
                1,
                "atelier.uploads.max-wait",
                "0s"))) {
            UploadGate gate = server.context().getBean(UploadGate.class);
            TestUser user = server.createUser("Busy Importer");
            String path = "/api/v1/workspaces/import-tables";
            try (Socket socket =
                    new Socket(server.uri("/").getHost(), server.uri("/").getPort())) {
                // an import whose body is still on its way holds the only place
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.token()
                                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"scope\": ")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                await(() -> gate.inUse() == 1, "the first import holds the place");

                Reply busy = server.postRaw(path, user.token(), "{\"export_data\": {}}");
                assertThat(busy.status()).as("%s", busy).isEqualTo(503);
                assertThat(busy.headers().get("retry-after")).isNotEmpty();
                assertThat(DialectErrors.messageIn(path, busy.body())).contains("atelier.uploads.max-concurrent");
            }
            await(() -> gate.inUse() == 0, "the place is free once the first import ended");
            Reply next = server.postRaw(path, user.token(), "{\"export_data\": 42}");
            assertThat(next.status()).as("%s", next).isEqualTo(400);
        }
    }
}
