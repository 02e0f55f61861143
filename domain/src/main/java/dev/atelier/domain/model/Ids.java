package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** The rule for identifiers that callers may choose: {@code [A-Za-z0-9_-]{1,64}}. */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Ids() {}

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** Returns the id unchanged, or throws naming the field when it breaks the rule. */
    public static String require(String field, String candidate) {
        if (!isValid(candidate)) {
            throw new InvalidInputException(field + " must be 1 to 64 characters of letters, digits, '_' or '-'");
        }
        return candidate;
    }
}
