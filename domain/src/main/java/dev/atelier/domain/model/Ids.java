package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;

/** The rule for identifiers that callers may choose: {@code [A-Za-z0-9_-]{1,64}}. */
public final class Ids {
    private Ids() {}

    public static boolean isValid(String candidate) {
        // checked on every request (API keys, project ids): a plain loop, not a regular expression
        if (candidate == null || candidate.isEmpty() || candidate.length() > 64) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char ch = candidate.charAt(i);
            boolean allowed = (ch >= 'a' && ch <= 'z')
                    || (ch >= 'A' && ch <= 'Z')
                    || (ch >= '0' && ch <= '9')
                    || ch == '_'
                    || ch == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Returns the id unchanged, or throws naming the field when it breaks the rule. */
    public static String require(String field, String candidate) {
        if (!isValid(candidate)) {
            throw new InvalidInputException(field + " must be 1 to 64 characters of letters, digits, '_' or '-'");
        }
        return candidate;
    }
}
