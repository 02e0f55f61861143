package dev.atelier.http.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.atelier.application.account.DescribeServer;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.User;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The data of the admin endpoints' v1 envelopes, as records the OpenAPI document describes, with
 * the wire names spelled out so that renaming a component never renames a field.
 */
final class AdminBodies {
    private AdminBodies() {}

    /** {@code POST /api/v1/admin/users}. */
    @Introspected
    record NewUser(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("email")
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("name")
            String name,

            @JsonProperty("organization") String organization,
            @JsonProperty("admin") Boolean admin) {}

    /** A user as v1 shows it (also {@code GET /api/v1/me}). */
    @Introspected
    record UserView(
            @JsonProperty("id") String id,
            @JsonProperty("email") String email,
            @JsonProperty("name") String name,
            @JsonProperty("organization") String organization,
            @JsonProperty("admin") boolean admin,
            @JsonProperty("created_at") Instant createdAt) {
        static UserView of(User user) {
            return new UserView(
                    user.id().value(), user.email(), user.name(), user.organization(), user.admin(), user.createdAt());
        }
    }

    /** One API key of a user, never its secret. */
    @Introspected
    record KeyView(
            @JsonProperty("key_id") String keyId,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("last_used_at") Instant lastUsedAt,
            @JsonProperty("revoked") boolean revoked) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.createdAt(), key.lastUsedAt(), key.revoked());
        }
    }

    /** A user's fields, then their keys. */
    @Introspected
    record UserAccount(
            @JsonUnwrapped UserView user,
            @JsonProperty("keys") List<KeyView> keys) {}

    /** One page of users. */
    @Introspected
    record UserAccounts(
            @JsonProperty("users") List<UserAccount> users,
            @JsonProperty("total") long total,
            @JsonProperty("limit") int limit,
            @JsonProperty("offset") long offset) {}

    /** What the server runs with. */
    @Introspected
    record ServerView(
            @JsonProperty("version") String version,
            @JsonProperty("database") String database,
            @JsonProperty("database_version") String databaseVersion,
            @JsonProperty("analyzer") AnalyzerView analyzer) {
        static ServerView of(DescribeServer.Installation i) {
            return new ServerView(
                    i.version(),
                    i.database(),
                    i.databaseVersion(),
                    new AnalyzerView(i.analyzerProvider(), i.analyzerModel()));
        }
    }

    /** The analyzer a server uses. */
    @Introspected
    record AnalyzerView(
            @JsonProperty("provider") String provider,
            @JsonProperty("model") String model) {}

    /** A user just created, with their first key (its secret shown this once). */
    @Introspected
    record CreatedUser(
            @JsonProperty("user_id") String userId,
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("key_id") String keyId,
            @JsonProperty("user") UserView user) {}

    /** A key just issued (its secret shown this once). */
    @Introspected
    record IssuedKey(
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("key_id") String keyId,
            @JsonProperty("user_id") String userId) {}

    /** A key just revoked. */
    @Introspected
    record RevokedKey(
            @JsonProperty("key_id") String keyId,
            @JsonProperty("revoked") boolean revoked) {}
}
