package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A person or service account. Emails are unique (compared lower-cased). */
public record User(UserId id, String email, String name, String organization, boolean admin, Instant createdAt) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        email = normalizeEmail(email);
        name = Text.name("name", name);
        organization = Text.optional("organization", organization, Text.MAX_NAME);
    }

    public static String normalizeEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("email must be an address like name@example.com");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether both users belong to the same (non-empty) organization. */
    public boolean sameOrganizationAs(String otherOrganization) {
        return organization != null && !organization.isBlank() && organization.equals(otherOrganization);
    }
}
