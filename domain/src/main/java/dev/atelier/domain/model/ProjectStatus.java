package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.Locale;

public enum ProjectStatus {
    ACTIVE,
    ARCHIVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return ACTIVE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> ACTIVE;
            case "archived" -> ARCHIVED;
            default -> throw new InvalidInputException("status must be 'active' or 'archived'");
        };
    }
}
