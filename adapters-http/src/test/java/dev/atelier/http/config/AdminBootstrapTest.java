package dev.atelier.http.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bootstrap admin: a chosen token works; otherwise a key is printed on the first start only. */
class AdminBootstrapTest {
    private static final Pattern PRINTED_KEY = Pattern.compile("^ {3}(\\S+)$", Pattern.MULTILINE);

    /** Starts a server on {@code dataDir} with {@code token} ("" = none), returning what it printed. */
    private static String startAndCapture(Path dataDir, String token, java.util.function.Consumer<AtelierServer> use) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        AtelierServer server;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            server = AtelierServer.start(Map.of("atelier.data-dir", dataDir.toString(), "atelier.admin-token", token));
        } finally {
            System.setOut(original);
        }
        try (server) {
            use.accept(server);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void without_a_chosen_token_a_key_is_printed_once_and_works() throws Exception {
        Path dir = Files.createTempDirectory("atelier-bootstrap-");
        String[] key = new String[1];
        String first = startAndCapture(dir, "", server -> {});
        Matcher matcher = PRINTED_KEY.matcher(first);
        assertThat(matcher.find()).as(first).isTrue();
        key[0] = matcher.group(1);
        assertThat(first).contains("shown ONCE");

        String second = startAndCapture(dir, "", server -> {
            var reply = server.post("/api/v1/admin/users", key[0], Map.of("email", "boot@example.com", "name", "Boot"));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        });
        assertThat(second).doesNotContain("shown ONCE").doesNotContain(key[0]);
    }

    @Test
    void a_chosen_token_is_the_admin_key_and_is_never_printed() throws Exception {
        Path dir = Files.createTempDirectory("atelier-bootstrap-");
        String token = "operator-chosen-token-1234567890";
        String output = startAndCapture(dir, token, server -> {
            assertThat(server.get("/api/v1/workspaces/list", token).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/workspaces/list", "operator-chosen-token-0000000000")
                            .status())
                    .isEqualTo(401);
        });
        assertThat(output).doesNotContain(token).doesNotContain("shown ONCE");
    }
}
