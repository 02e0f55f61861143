package dev.atelier.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over HTTP with low limits: per credential (429 with {@code Retry-After}, in each
 * dialect's error shape, other credentials unaffected) and per client address for failed
 * authentication attempts (further attempts from it are 429 before any credential is checked).
 */
class RateLimitsHttpTest {

    @Test
    void a_credential_over_its_allowance_gets_429_with_retry_after_in_every_dialect() {
        try (AtelierServer server = AtelierServer.start(Map.of(
                "atelier.rate-limit.requests-per-second", 1,
                "atelier.rate-limit.burst", 3,
                "atelier.rate-limit.failed-auth-per-minute", 100))) {
            TestUser alice = server.createUser("Alice");
            TestUser bob = server.createUser("Bob");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(server.get("/api/v1/projects/list", alice.token()).status());
            }
            Reply v1 = server.get("/api/v1/projects/list", alice.token());
            Reply resource = server.get("/api/projects", alice.token());
            Reply labeling = server.send(server.request("/v1/projects", null)
                    .header("Authorization", AtelierServer.basicAuth(alice.token()))
                    .GET()
                    .build());

            assertThat(statuses).containsOnly(200);
            assertThat(v1.status()).isEqualTo(429);
            assertThat(Long.parseLong(v1.header("Retry-After"))).isBetween(1L, 2L);
            assertThat(v1.json().path("status").asText()).isEqualTo("error");
            assertThat(v1.json().path("message").asText()).contains("too many requests");
            assertThat(resource.status()).isEqualTo(429);
            assertThat(resource.header("Content-Type")).startsWith("application/problem+json");
            assertThat(resource.json().path("status").asInt()).isEqualTo(429);
            assertThat(resource.header("Retry-After")).isNotNull();
            assertThat(labeling.status()).isEqualTo(429);
            assertThat(labeling.json().path("error").asText()).contains("too many requests");
            assertThat(labeling.header("Retry-After")).isNotNull();
            assertThat(server.get("/api/v1/projects/list", bob.token()).status())
                    .as("another credential keeps its own allowance")
                    .isEqualTo(200);
            assertThat(server.get("/health", null).status())
                    .as("public routes are not limited")
                    .isEqualTo(200);
        }
    }

    @Test
    void failed_authentication_attempts_are_limited_per_address_before_any_credential_is_checked() {
        try (AtelierServer server = AtelierServer.start(Map.of("atelier.rate-limit.failed-auth-per-minute", 3))) {
            TestUser alice = server.createUser("Alice");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // requests without credentials are no attempts: they use up nothing
                statuses.add(server.send(server.request("/api/v1/projects/list", null)
                                .GET()
                                .build())
                        .status());
            }
            for (int i = 0; i < 3; i++) {
                statuses.add(server.get("/api/v1/projects/list", "atl_guess" + i + "_" + "0".repeat(64))
                        .status());
            }
            Reply guess = server.get("/api/projects", "atl_guess9_" + "0".repeat(64));
            Reply valid = server.get("/api/v1/projects/list", alice.token());
            Reply noCredential = server.send(
                    server.request("/api/v1/projects/list", null).GET().build());

            assertThat(statuses).containsOnly(401);
            assertThat(guess.status()).isEqualTo(429);
            assertThat(guess.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Long.parseLong(guess.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(guess.json().path("detail").asText()).contains("failed authentication attempts");
            assertThat(valid.status())
                    .as("the address is blocked for a while, whatever it presents")
                    .isEqualTo(429);
            assertThat(noCredential.status())
                    .as("a request without credentials is no attempt: still 401")
                    .isEqualTo(401);
        }
    }
}
