package dev.atelier.http.v1;

import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.AdminBodies.UserView;
import dev.atelier.http.v1.V1Bodies.CallerAnswer;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/me}: who the presented credential belongs to. A client checks a key with it
 * and learns whether to offer administration (the web console's sign-in does both).
 */
@Tag(name = ApiDefinition.V1)
@Controller("/api/v1/me")
final class AccountController {

    @Operation(
            summary = "The caller's own user",
            description = "data {user: {id, email, name, organization, admin, created_at}}.")
    @Get
    Envelope<CallerAnswer> me(@Caller User caller) {
        return Envelope.success("User retrieved successfully", new CallerAnswer(UserView.of(caller)));
    }
}
