package dev.atelier.http.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Caller-facing messages for JSON that could not be read: they name the field and what was
 * expected, and never the Java types, source or stack behind it.
 */
final class JsonErrors {
    private JsonErrors() {}

    /**
     * The Jackson failure in {@code error}'s cause chain, if any: a syntax or limit failure wins
     * over the mapping failure that may wrap it.
     */
    static Optional<JsonProcessingException> find(Throwable error) {
        JsonProcessingException first = null;
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof JsonParseException || t instanceof StreamConstraintsException) {
                return Optional.of((JsonProcessingException) t);
            }
            if (first == null && t instanceof JsonProcessingException json) {
                first = json;
            }
        }
        return Optional.ofNullable(first);
    }

    /** A body longer than the JSON document limit: too large (413) rather than malformed. */
    static boolean isDocumentTooLong(JsonProcessingException error) {
        return error instanceof StreamConstraintsException
                && String.valueOf(error.getOriginalMessage()).startsWith("Document length");
    }

    static String describe(JsonProcessingException error) {
        if (error instanceof StreamConstraintsException) {
            return "request JSON exceeds the server's limits: " + clean(error.getOriginalMessage());
        }
        if (error instanceof JsonParseException parse) {
            return "malformed JSON: " + clean(parse.getOriginalMessage()) + at(parse.getLocation());
        }
        if (error instanceof NonFiniteNumberException number) {
            String field = path(number);
            return (field.isEmpty() ? "a number" : "field '" + field + "'") + " is out of range: " + number.number()
                    + " is beyond what a double holds (numbers must be finite)";
        }
        if (error instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + path(unknown) + "'";
        }
        if (error instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = expected(mismatch.getTargetType());
            if (field.isEmpty()) {
                return "request body must be " + expected;
            }
            return "field '" + field + "' must be " + expected;
        }
        if (error instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return "field '" + path(mapping) + "' has an invalid value";
        }
        return "request body is not valid JSON of the expected shape";
    }

    private static String path(JsonMappingException error) {
        return error.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of a different type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "a JSON object";
        }
        return "of a different type";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Drops Jackson's hints at its own API ("from `StreamReadConstraints...`") and source excerpts. */
    private static String clean(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String cleaned = message.replaceAll(",? ?\\(?from `[^`]*`\\)?", "")
                .replaceAll("`[a-z][\\w.$]*\\.[A-Z][\\w$]*`", "a value");
        int newline = cleaned.indexOf('\n');
        return (newline > 0 ? cleaned.substring(0, newline) : cleaned).strip();
    }
}
