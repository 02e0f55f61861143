package dev.atelier.application.exchange;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.JsonObjects;
import dev.atelier.domain.model.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One row of an export being imported, read column by column with type and size checks; every
 * error names the row and column (e.g. {@code export_data.tables.projects[3].name}).
 */
final class Row {
    private final Map<?, ?> values;
    private final String where;

    private Row(Map<?, ?> values, String where) {
        this.values = values;
        this.where = where;
    }

    static Row of(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidInputException(where + " must be an object, got " + Row.kind(raw));
        }
        return new Row(map, where);
    }

    String where() {
        return where;
    }

    String column(String name) {
        return where + "." + name;
    }

    InvalidInputException invalid(String column, String problem) {
        return new InvalidInputException(column(column) + " " + problem);
    }

    private Object raw(String column) {
        return values.get(column);
    }

    boolean present(String column) {
        return raw(column) != null;
    }

    String string(String column, boolean required, int max) {
        Object v = raw(column);
        if (v == null) {
            if (required) {
                throw invalid(column, "is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(column, "must be a string, got " + kind(v));
        }
        if (required && s.isBlank()) {
            throw invalid(column, "must not be empty");
        }
        if (s.length() > max) {
            throw invalid(column, "must be at most " + max + " characters");
        }
        return s;
    }

    /** A name as the domain requires it (trimmed, 1..200 characters, no control characters). */
    String name(String column) {
        Object v = raw(column);
        if (v != null && !(v instanceof String)) {
            throw invalid(column, "must be a string, got " + kind(v));
        }
        return Text.name(column(column), (String) v);
    }

    /** Optional free text within the domain's bounds. */
    String text(String column, int max) {
        Object v = raw(column);
        if (v != null && !(v instanceof String)) {
            throw invalid(column, "must be a string, got " + kind(v));
        }
        return Text.optional(column(column), (String) v, max);
    }

    Long integer(String column, boolean required, long min, long max) {
        Object v = raw(column);
        if (v == null) {
            if (required) {
                throw invalid(column, "is required");
            }
            return null;
        }
        long value;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            value = ((Number) v).longValue();
        } else if (v instanceof BigInteger big && big.bitLength() < 63) {
            value = big.longValue();
        } else if (v instanceof Number number && isIntegral(number)) {
            value = number.longValue();
        } else {
            throw invalid(column, "must be a whole number, got " + kind(v));
        }
        if (value < min || value > max) {
            throw invalid(column, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    Boolean bool(String column, boolean required) {
        Object v = raw(column);
        if (v == null) {
            if (required) {
                throw invalid(column, "is required");
            }
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw invalid(column, "must be true or false, got " + kind(v));
        }
        return b;
    }

    /** A free-form JSON object, bounded by the domain's rules (64 KiB, depth); null is empty. */
    Map<String, Object> object(String column) {
        Object v = raw(column);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw invalid(column, "must be an object, got " + kind(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        return JsonObjects.object(column(column), typed);
    }

    Map<?, ?> nested(String column) {
        Object v = raw(column);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw invalid(column, "must be an object, got " + kind(v));
        }
        return map;
    }

    Instant instant(String column, boolean required) {
        String s = string(column, required, 64);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(column, "must be an ISO-8601 UTC timestamp such as 2025-01-31T12:00:00Z");
        }
    }

    private static boolean isIntegral(Number n) {
        try {
            new BigDecimal(n.toString()).toBigIntegerExact();
            return Math.abs(n.doubleValue()) < 9.0e18;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof java.util.List) {
            return "an array";
        }
        return "an unsupported value";
    }
}
