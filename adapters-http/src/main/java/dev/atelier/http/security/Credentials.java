package dev.atelier.http.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the API key from an {@code Authorization} header: {@code Bearer <key>}, or HTTP Basic with
 * the key as user name and an empty password (how the labeling dialect's clients authenticate).
 */
final class Credentials {
    private Credentials() {}

    /** The presented key; empty when the header is missing or not one of the accepted forms. */
    static Optional<String> apiKey(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (scheme) {
            case "bearer" -> Optional.of(value);
            case "basic" -> basic(value);
            default -> Optional.empty();
        };
    }

    private static Optional<String> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        if (user.isBlank() || !password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(user);
    }
}
