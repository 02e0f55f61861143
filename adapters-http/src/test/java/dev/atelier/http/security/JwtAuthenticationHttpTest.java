package dev.atelier.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Optional JWT bearer tokens from an identity provider, mapped to registered users by their email
 * claim: with an HS256 secret, and with a JWKS URL (served here by a loopback HTTP server). Expired,
 * re-signed, unsigned ({@code alg: none}), wrong-issuer and unknown-user tokens are 401; API keys
 * keep working next to them.
 */
class JwtAuthenticationHttpTest {
    private static final String SECRET = "a-shared-hs256-secret-of-at-least-32-bytes!";
    private static final String ISSUER = "https://idp.example.com/";
    private static final String PATH = "/api/v1/projects/list";

    static JWTClaimsSet.Builder claims(String email) {
        return new JWTClaimsSet.Builder()
                .subject("sub-" + email)
                .issuer(ISSUER)
                .audience("atelier")
                .claim("email", email)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(String secret, JWTClaimsSet claims) {
        try {
            return sign(new MACSigner(secret), new JWSHeader(JWSAlgorithm.HS256), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jwt_is_off_by_default_and_a_token_is_then_just_a_bad_api_key() {
        AtelierServer server = AtelierServer.shared();
        TestUser alice = server.createUser("Alice");
        assertThat(server.get(PATH, hs256(SECRET, claims(alice.email()).build()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_wrong_jwt_configuration_stops_the_server_at_start() {
        assertThatThrownBy(() -> AtelierServer.start(Map.of("atelier.auth.jwt.enabled", true)))
                .as("neither a secret nor a JWKS URL")
                .hasStackTraceContaining("exactly one of atelier.auth.jwt.secret");
        assertThatThrownBy(() -> AtelierServer.start(
                        Map.of("atelier.auth.jwt.enabled", true, "atelier.auth.jwt.secret", "too-short")))
                .hasStackTraceContaining("at least 32 bytes");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAnHs256Secret {
        private AtelierServer server;
        private TestUser alice;

        @BeforeAll
        void start() {
            server = AtelierServer.start(Map.of(
                    "atelier.auth.jwt.enabled",
                    true,
                    "atelier.auth.jwt.secret",
                    SECRET,
                    "atelier.auth.jwt.issuer",
                    ISSUER,
                    "atelier.auth.jwt.audience",
                    "atelier"));
            alice = server.createUser("Alice");
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @Test
        void a_valid_token_authenticates_the_user_with_that_email() {
            String token = hs256(SECRET, claims(alice.email().toUpperCase()).build());
            Reply created = server.post(
                    "/api/v1/projects/workspace_id/save", token, Map.of("project", Map.of("name", "From the IdP")));
            assertThat(created.status()).isEqualTo(200);
            Reply mine = server.get(PATH, alice.token());
            assertThat(mine.data().toString()).as("the project is Alice's").contains("From the IdP");
            assertThat(server.get("/api/projects", token).status()).isEqualTo(200);
        }

        @Test
        void an_expired_token_is_401() {
            String token = hs256(
                    SECRET,
                    claims(alice.email())
                            .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                            .build());
            assertThat(server.get(PATH, token).status()).isEqualTo(401);
        }

        @Test
        void a_token_without_expiry_is_401() {
            String token =
                    hs256(SECRET, claims(alice.email()).expirationTime(null).build());
            assertThat(server.get(PATH, token).status()).isEqualTo(401);
        }

        @Test
        void a_token_signed_with_another_secret_is_401() {
            String token = hs256(
                    "another-secret-that-is-32-bytes-long!!",
                    claims(alice.email()).build());
            assertThat(server.get(PATH, token).status()).isEqualTo(401);
        }

        @Test
        void a_token_whose_claims_were_changed_after_signing_is_401() {
            String genuine = hs256(SECRET, claims("someone-else@example.com").build());
            String[] parts = genuine.split("\\.");
            String forgedPayload = java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(claims(alice.email()).build().toString().getBytes(StandardCharsets.UTF_8));
            assertThat(server.get(PATH, parts[0] + "." + forgedPayload + "." + parts[2])
                            .status())
                    .isEqualTo(401);
        }

        @Test
        void an_unsigned_alg_none_token_is_401() {
            String token = new PlainJWT(claims(alice.email()).build()).serialize();
            assertThat(token).endsWith(".");
            assertThat(server.get(PATH, token).status()).isEqualTo(401);
        }

        @Test
        void a_token_of_another_issuer_or_audience_is_401() {
            assertThat(server.get(
                                    PATH,
                                    hs256(
                                            SECRET,
                                            claims(alice.email())
                                                    .issuer("https://evil.example.com/")
                                                    .build()))
                            .status())
                    .isEqualTo(401);
            assertThat(server.get(
                                    PATH,
                                    hs256(
                                            SECRET,
                                            claims(alice.email())
                                                    .audience("another-service")
                                                    .build()))
                            .status())
                    .isEqualTo(401);
        }

        @Test
        void a_valid_token_for_an_unregistered_email_is_401() {
            Reply reply =
                    server.get(PATH, hs256(SECRET, claims("nobody@example.com").build()));
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("status").asText()).isEqualTo("error");
        }

        @Test
        void api_keys_keep_working_next_to_tokens() {
            assertThat(server.get(PATH, alice.token()).status()).isEqualTo(200);
            assertThat(server.get(PATH, AtelierServer.ADMIN_TOKEN).status()).isEqualTo(200);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAJwksUrl {
        private HttpServer idp;
        private AtelierServer server;
        private RSAKey key;
        private TestUser bob;

        @BeforeAll
        void start() throws Exception {
            key = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            idp.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            idp.start();
            server = AtelierServer.start(Map.of(
                    "atelier.auth.jwt.enabled",
                    true,
                    "atelier.auth.jwt.jwks-url",
                    "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks.json"));
            bob = server.createUser("Bob");
        }

        @AfterAll
        void stop() {
            server.close();
            idp.stop(0);
        }

        private String rs256(RSAKey signingKey, JWTClaimsSet claims) {
            try {
                return sign(
                        new RSASSASigner(signingKey),
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(signingKey.getKeyID())
                                .build(),
                        claims);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void a_token_signed_by_a_key_of_the_jwks_authenticates() {
            assertThat(server.get(PATH, rs256(key, claims(bob.email()).build())).status())
                    .isEqualTo(200);
        }

        @Test
        void a_token_signed_by_another_key_with_the_same_key_id_is_401() throws JOSEException {
            RSAKey impostor = new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
            assertThat(server.get(PATH, rs256(impostor, claims(bob.email()).build()))
                            .status())
                    .isEqualTo(401);
        }

        @Test
        void an_hs256_token_signed_with_the_public_key_is_401() {
            String publicKeyAsSecret = key.toPublicJWK().toJSONString();
            assertThat(server.get(
                                    PATH,
                                    hs256(publicKeyAsSecret, claims(bob.email()).build()))
                            .status())
                    .as("algorithm confusion: only the asymmetric algorithms of the JWKS are accepted")
                    .isEqualTo(401);
        }

        @Test
        void an_unsigned_or_expired_token_is_401() {
            assertThat(server.get(PATH, new PlainJWT(claims(bob.email()).build()).serialize())
                            .status())
                    .isEqualTo(401);
            assertThat(server.get(
                                    PATH,
                                    rs256(
                                            key,
                                            claims(bob.email())
                                                    .expirationTime(Date.from(
                                                            Instant.now().minusSeconds(600)))
                                                    .build()))
                            .status())
                    .isEqualTo(401);
        }
    }
}
