package dev.atelier.http.v1;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Text;

/** Reads {@code limit} and {@code offset} query values with messages that say what is allowed. */
final class Paging {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final long MAX_OFFSET = 1_000_000_000L;

    private Paging() {}

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        long value = integer("limit", raw, 1, MAX_LIMIT);
        return (int) value;
    }

    static long offset(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        return integer("offset", raw, 0, MAX_OFFSET);
    }

    /** An integer query value between {@code min} and {@code max}; absent is {@code fallback}. */
    static long bounded(String field, String raw, long fallback, long min, long max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return integer(field, raw, min, max);
    }

    private static long integer(String field, String raw, long min, long max) {
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field + " must be an integer between " + min + " and " + max + ", got '"
                    + Text.clip(raw, 40) + "'");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
