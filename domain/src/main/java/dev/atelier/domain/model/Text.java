package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;

/** Rules for the free text that people type into names and descriptions. */
public final class Text {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_TYPE = 100;

    private Text() {}

    /**
     * A required name: trimmed, 1..200 characters, valid Unicode, no control characters at all (a
     * name is one line: no NUL, tab, line break, escape or other C0/C1 control).
     */
    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required and must not be empty");
        }
        String trimmed = value.strip();
        return bounded(field, trimmed, MAX_NAME, false);
    }

    /**
     * An optional text: null stays null; otherwise bounded, valid Unicode and free of control
     * characters other than tab and line breaks.
     */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        return bounded(field, value, max, true);
    }

    private static String bounded(String field, String value, int max, boolean multiline) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(field + " must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (c == 0 || (Character.isISOControl(c) && !(multiline && lineBreakOrTab))) {
                throw new InvalidInputException(field + " must not contain control characters");
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pair) {
                    throw new InvalidInputException(field + " must be valid Unicode text");
                }
                i++;
            }
        }
        return value;
    }

    /** Cuts a value for quoting it back in an error message. */
    public static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
