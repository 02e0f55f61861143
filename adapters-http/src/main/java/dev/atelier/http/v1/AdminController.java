package dev.atelier.http.v1;

import dev.atelier.application.account.CreateUser;
import dev.atelier.application.account.DescribeServer;
import dev.atelier.application.account.IssueApiKey;
import dev.atelier.application.account.ListUsers;
import dev.atelier.application.account.RevokeApiKey;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.AdminBodies.CreatedUser;
import dev.atelier.http.v1.AdminBodies.IssuedKey;
import dev.atelier.http.v1.AdminBodies.KeyView;
import dev.atelier.http.v1.AdminBodies.NewUser;
import dev.atelier.http.v1.AdminBodies.RevokedKey;
import dev.atelier.http.v1.AdminBodies.ServerView;
import dev.atelier.http.v1.AdminBodies.UserAccount;
import dev.atelier.http.v1.AdminBodies.UserAccounts;
import dev.atelier.http.v1.AdminBodies.UserView;
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
import java.util.List;

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
    Envelope<UserAccounts> listUsers(
            @Caller User caller,
            @Nullable @QueryValue("limit") String limit,
            @Nullable @QueryValue("offset") String offset) {
        Page<ListUsers.Account> page = listUsers.execute(new ListUsers.Command(
                caller,
                (int) Paging.bounded("limit", limit, ListUsers.DEFAULT_LIMIT, 1, ListUsers.MAX_LIMIT),
                Paging.bounded("offset", offset, 0, 0, 100_000_000L)));
        List<UserAccount> users = page.items().stream()
                .map(a -> new UserAccount(
                        UserView.of(a.user()),
                        a.keys().stream().map(KeyView::of).toList()))
                .toList();
        return Envelope.success(
                "Users retrieved successfully", new UserAccounts(users, page.total(), page.limit(), page.offset()));
    }

    @Operation(
            summary = "What the server runs with",
            description = "data {version, database, database_version, analyzer: {provider, model}}. "
                    + "Administrators only.")
    @Get("/server")
    Envelope<ServerView> server(@Caller User caller) {
        return Envelope.success("Server described successfully", ServerView.of(describeServer.execute(caller)));
    }

    @Post("/users")
    Envelope<CreatedUser> createUser(@Caller User caller, @Nullable @Body NewUser body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with email and name");
        }
        CreateUser.Created created = createUser.execute(new CreateUser.Command(
                caller, body.email(), body.name(), body.organization(), Boolean.TRUE.equals(body.admin())));
        return Envelope.success(
                "User created successfully",
                new CreatedUser(
                        created.user().id().value(),
                        created.key().token(),
                        created.key().keyId(),
                        UserView.of(created.user())));
    }

    @Post("/users/{id}/keys")
    Envelope<IssuedKey> issueKey(@Caller User caller, @PathVariable("id") String id) {
        IssueApiKey.Issued issued = issueApiKey.execute(caller, id);
        return Envelope.success("API key issued successfully", new IssuedKey(issued.token(), issued.keyId(), id));
    }

    @Delete("/keys/{keyId}")
    Envelope<RevokedKey> revokeKey(@Caller User caller, @PathVariable("keyId") String keyId) {
        revokeApiKey.execute(caller, keyId);
        return Envelope.success("API key revoked successfully", new RevokedKey(keyId, true));
    }
}
