package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.Locale;

/** Who a project or workspace belongs to: its owner alone, or the owner's whole organization. */
public enum Scope {
    USER,
    ORGANIZATION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value; {@code null} or blank means {@link #USER}. */
    public static Scope parse(String value) {
        if (value == null || value.isBlank()) {
            return USER;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "user" -> USER;
            case "organization", "organisation", "org" -> ORGANIZATION;
            default ->
                throw new InvalidInputException(
                        "scope must be 'user' or 'organization', got '" + Text.clip(value, 40) + "'");
        };
    }
}
