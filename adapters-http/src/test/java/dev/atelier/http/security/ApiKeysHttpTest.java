package dev.atelier.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.ApiKeyToken;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.CredentialCache;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import io.micronaut.logging.LogLevel;
import io.micronaut.logging.LoggingSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys over HTTP: revocation, the last-used time, and secrets that never reach the logs. */
class ApiKeysHttpTest {

    private static String keyId(String token) {
        return ApiKeyToken.parse(token).orElseThrow().keyId();
    }

    @Test
    void a_revoked_key_is_refused_at_once_and_the_users_other_keys_keep_working() {
        AtelierServer server = AtelierServer.shared();
        TestUser carol = server.createUser("Carol");
        Reply issued = server.post("/api/v1/admin/users/" + carol.id() + "/keys", AtelierServer.ADMIN_TOKEN, Map.of());
        String second = issued.data().path("api_key").asText();
        assertThat(server.get("/api/v1/projects/list", carol.token()).status()).isEqualTo(200);
        CredentialCache cache = server.context().getBean(CredentialCache.class);
        assertThat(cache.find(keyId(carol.token())))
                .as("the key was verified a moment ago, so the cache answers for it")
                .isPresent();
        ApiKeyToken parsed = ApiKeyToken.parse(carol.token()).orElseThrow();
        String wrongSecret =
                new ApiKeyToken(parsed.keyId(), ApiKeyToken.generate().secret()).value();
        assertThat(server.get("/api/v1/projects/list", wrongSecret).status())
                .as("a cached key still needs its own secret")
                .isEqualTo(401);

        Reply revoked = server.delete("/api/v1/admin/keys/" + keyId(carol.token()), AtelierServer.ADMIN_TOKEN);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.data().path("revoked").asBoolean()).isTrue();
        assertThat(server.get("/api/v1/projects/list", carol.token()).status()).isEqualTo(401);
        assertThat(server.get("/api/projects", carol.token()).status()).isEqualTo(401);
        assertThat(server.send(server.request("/v1/projects", null)
                                .header("Authorization", AtelierServer.basicAuth(carol.token()))
                                .GET()
                                .build())
                        .status())
                .isEqualTo(401);
        assertThat(server.get("/api/v1/projects/list", second).status()).isEqualTo(200);
        assertThat(server.delete("/api/v1/admin/keys/" + keyId(carol.token()), carol.token())
                        .status())
                .as("a revoked key cannot even revoke")
                .isEqualTo(401);
        assertThat(server.delete("/api/v1/admin/keys/" + keyId(second), second).status())
                .as("users do not revoke keys, administrators do")
                .isEqualTo(403);
        assertThat(server.delete("/api/v1/admin/keys/nosuchkey", AtelierServer.ADMIN_TOKEN)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_last_used_time_is_recorded_on_first_use_and_not_rewritten_within_the_minute() {
        AtelierServer server = AtelierServer.shared();
        TestUser dave = server.createUser("Dave");
        ApiKeyRepository keys = server.context().getBean(ApiKeyRepository.class);
        assertThat(keys.findById(keyId(dave.token())).orElseThrow().lastUsedAt())
                .isNull();

        server.get("/api/v1/projects/list", dave.token());
        ApiKey afterFirst = keys.findById(keyId(dave.token())).orElseThrow();
        for (int i = 0; i < 5; i++) {
            server.get("/api/v1/projects/list", dave.token());
        }
        ApiKey afterMore = keys.findById(keyId(dave.token())).orElseThrow();

        assertThat(afterFirst.lastUsedAt()).isNotNull();
        assertThat(afterMore.lastUsedAt()).isEqualTo(afterFirst.lastUsedAt());
    }

    @Test
    void no_key_or_token_appears_in_the_logs_even_at_debug_level() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        List<String> secrets = new ArrayList<>();
        // the console appender writes to whatever System.out is at the time: capture both streams
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (AtelierServer server = AtelierServer.start(Map.of("logger.levels.root", "DEBUG"))) {
            // key creation (the answer carries the key), a second key, authenticated requests in
            // every dialect, failed ones (bad secret, revoked key), and an error inside a request
            TestUser erin = server.createUser("Erin");
            String second = server.post(
                            "/api/v1/admin/users/" + erin.id() + "/keys", AtelierServer.ADMIN_TOKEN, Map.of())
                    .data()
                    .path("api_key")
                    .asText();
            server.get("/api/v1/projects/list", erin.token());
            server.get("/api/projects/does-not-exist", erin.token());
            server.send(server.request("/v1/projects", null)
                    .header("Authorization", AtelierServer.basicAuth(erin.token()))
                    .GET()
                    .build());
            server.postRaw("/api/v1/projects/workspace_id/save", erin.token(), "{not json");
            ApiKeyToken parsed = ApiKeyToken.parse(erin.token()).orElseThrow();
            String wrongSecret =
                    new ApiKeyToken(parsed.keyId(), ApiKeyToken.generate().secret()).value();
            server.get("/api/v1/projects/list", wrongSecret);
            server.delete("/api/v1/admin/keys/" + keyId(second), AtelierServer.ADMIN_TOKEN);
            server.get("/api/v1/projects/list", second);
            server.get("/api/v1/projects/list", "operator-typo-" + AtelierServer.ADMIN_TOKEN);

            secrets.add(AtelierServer.ADMIN_TOKEN);
            secrets.add(parsed.secret());
            secrets.add(ApiKeyToken.parse(second).orElseThrow().secret());
            secrets.add(ApiKeyToken.parse(wrongSecret).orElseThrow().secret());
            secrets.add(AtelierServer.basicAuth(erin.token()).substring("Basic ".length()));
            // the level lives in the JVM's logging system: give the other tests their INFO back
            server.context().getBean(LoggingSystem.class).setLogLevel("ROOT", LogLevel.INFO);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);

        assertThat(logs).as("the logs were captured, at debug level").contains("DEBUG");
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
        }
    }
}
