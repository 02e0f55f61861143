package dev.atelier.http.v1;

import dev.atelier.application.account.CreateUser;
import dev.atelier.application.account.DescribeServer;
import dev.atelier.application.account.IssueApiKey;
import dev.atelier.application.account.ListUsers;
import dev.atelier.application.account.RevokeApiKey;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operators' endpoints: users and API keys, and what the server runs with. Administrators only
 * (decided in the use cases).
 */
@Tag(name = ApiDefinition.ADMIN)
@Controller("/api/v1/admin")
final class AdminController {
    private final CreateUser createUser;
    private final IssueApiKey issueApiKey;
    private final RevokeApiKey revokeApiKey;
    private final ListUsers listUsers;
    private final DescribeServer describeServer;

    AdminController(
            CreateUser createUser,
            IssueApiKey issueApiKey,
            RevokeApiKey revokeApiKey,
            ListUsers listUsers,
            DescribeServer describeServer) {
        this.createUser = createUser;
        this.issueApiKey = issueApiKey;
        this.revokeApiKey = revokeApiKey;
        this.listUsers = listUsers;
        this.describeServer = describeServer;
    }

    @Operation(
            summary = "List users with their API keys",
            description = "Oldest first; data {users: [{..., keys: [{key_id, created_at, last_used_at, revoked}]}], "
                    + "total, limit, offset}. Never a key's secret. Administrators only.")
    @Get("/users")
    Envelope listUsers(
            @Caller User caller,
            @Nullable @QueryValue("limit") String limit,
            @Nullable @QueryValue("offset") String offset) {
        Page<ListUsers.Account> page = listUsers.execute(new ListUsers.Command(
                caller,
                (int) Paging.bounded("limit", limit, ListUsers.DEFAULT_LIMIT, 1, ListUsers.MAX_LIMIT),
                Paging.bounded("offset", offset, 0, 0, 100_000_000L)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "users",
                page.items().stream()
                        .map(a -> {
                            Map<String, Object> user = Views.user(a.user());
                            user.put(
                                    "keys",
                                    a.keys().stream().map(AdminController::key).toList());
                            return user;
                        })
                        .toList());
        data.put("total", page.total());
        data.put("limit", page.limit());
        data.put("offset", page.offset());
        return Envelope.success("Users retrieved successfully", data);
    }

    @Operation(
            summary = "What the server runs with",
            description = "data {version, database, database_version, analyzer: {provider, model}}. "
                    + "Administrators only.")
    @Get("/server")
    Envelope server(@Caller User caller) {
        DescribeServer.Installation installation = describeServer.execute(caller);
        Map<String, Object> analyzer = new LinkedHashMap<>();
        analyzer.put("provider", installation.analyzerProvider());
        analyzer.put("model", installation.analyzerModel());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", installation.version());
        data.put("database", installation.database());
        data.put("database_version", installation.databaseVersion());
        data.put("analyzer", analyzer);
        return Envelope.success("Server described successfully", data);
    }

    private static Map<String, Object> key(ApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key_id", key.id());
        view.put("created_at", key.createdAt());
        view.put("last_used_at", key.lastUsedAt());
        view.put("revoked", key.revoked());
        return view;
    }

    @Introspected
    record NewUser(String email, String name, String organization, Boolean admin) {}

    @Post("/users")
    Envelope createUser(@Caller User caller, @Nullable @Body NewUser body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with email and name");
        }
        CreateUser.Created created = createUser.execute(new CreateUser.Command(
                caller, body.email(), body.name(), body.organization(), Boolean.TRUE.equals(body.admin())));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", created.user().id().value());
        data.put("api_key", created.key().token());
        data.put("key_id", created.key().keyId());
        data.put("user", Views.user(created.user()));
        return Envelope.success("User created successfully", data);
    }

    @Post("/users/{id}/keys")
    Envelope issueKey(@Caller User caller, @PathVariable("id") String id) {
        IssueApiKey.Issued issued = issueApiKey.execute(caller, id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("api_key", issued.token());
        data.put("key_id", issued.keyId());
        data.put("user_id", id);
        return Envelope.success("API key issued successfully", data);
    }

    @Delete("/keys/{keyId}")
    Envelope revokeKey(@Caller User caller, @PathVariable("keyId") String keyId) {
        revokeApiKey.execute(caller, keyId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key_id", keyId);
        data.put("revoked", true);
        return Envelope.success("API key revoked successfully", data);
    }
}
