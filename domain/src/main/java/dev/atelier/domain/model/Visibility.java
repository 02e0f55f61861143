package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sets of projects a caller can ask to see: {@code user} = the caller's own, {@code organization}
 * = organization-scoped projects of the caller's organization, {@code shared} = other people's
 * projects where the caller is a member.
 */
public enum Visibility {
    USER,
    ORGANIZATION,
    SHARED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code user,shared}; null or blank means user. */
    public static Set<Visibility> parseList(String csv) {
        EnumSet<Visibility> result = EnumSet.noneOf(Visibility.class);
        if (csv == null || csv.isBlank()) {
            result.add(USER);
            return result;
        }
        for (String part : csv.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            switch (p) {
                case "user" -> result.add(USER);
                case "organization", "organisation", "org" -> result.add(ORGANIZATION);
                case "shared" -> result.add(SHARED);
                default ->
                    throw new InvalidInputException(
                            "scopes must be a comma-separated list of user, organization, shared; got '"
                                    + Text.clip(p, 40) + "'");
            }
        }
        if (result.isEmpty()) {
            result.add(USER);
        }
        return result;
    }
}
