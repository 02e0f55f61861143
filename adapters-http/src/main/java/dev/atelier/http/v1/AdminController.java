package dev.atelier.http.v1;

import dev.atelier.application.account.CreateUser;
import dev.atelier.application.account.IssueApiKey;
import dev.atelier.application.account.RevokeApiKey;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.User;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.LinkedHashMap;
import java.util.Map;

/** Operators' endpoints: users and API keys. Administrators only (decided in the use cases). */
@Controller("/api/v1/admin")
final class AdminController {
    private final CreateUser createUser;
    private final IssueApiKey issueApiKey;
    private final RevokeApiKey revokeApiKey;

    AdminController(CreateUser createUser, IssueApiKey issueApiKey, RevokeApiKey revokeApiKey) {
        this.createUser = createUser;
        this.issueApiKey = issueApiKey;
        this.revokeApiKey = revokeApiKey;
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
