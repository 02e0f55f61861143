package dev.atelier.http.security;

import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.User;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Where the authentication filter leaves the caller, and how to read it back. */
public final class Callers {
    /** Request attribute holding the authenticated {@link User}. */
    public static final String ATTRIBUTE = "atelier.caller";

    private Callers() {}

    public static Optional<User> find(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, User.class);
    }

    /** The authenticated caller; 401 when the request carries none (a public route). */
    public static User require(HttpRequest<?> request) {
        return find(request).orElseThrow(() -> new UnauthenticatedException("missing or invalid credentials"));
    }

    static void set(HttpRequest<?> request, User caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
