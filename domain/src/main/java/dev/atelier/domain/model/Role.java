package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.Locale;

/**
 * A member's role on a project, ordered: viewer &lt; editor &lt; admin &lt; owner. Reading needs viewer,
 * changing content or params needs editor, managing members needs admin, deleting needs owner.
 */
public enum Role {
    VIEWER,
    EDITOR,
    ADMIN,
    OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public boolean canRead() {
        return atLeast(VIEWER);
    }

    public boolean canEdit() {
        return atLeast(EDITOR);
    }

    public boolean canManageMembers() {
        return atLeast(ADMIN);
    }

    public boolean canDelete() {
        return this == OWNER;
    }

    /** A granter may hand out any role up to their own, and only if they manage members at all. */
    public boolean canGrant(Role role) {
        return canManageMembers() && atLeast(role);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value, Role fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "viewer" -> VIEWER;
            case "editor" -> EDITOR;
            case "admin" -> ADMIN;
            case "owner" -> OWNER;
            default ->
                throw new InvalidInputException(
                        "role must be one of viewer, editor, admin, owner; got '" + Text.clip(value, 40) + "'");
        };
    }
}
