package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON objects (metadata, params) as the domain holds them: maps of strings to JSON-like
 * values (Map, List, String, Number, Boolean, null), copied and frozen on the way in, bounded in
 * size and depth. The domain stays free of any JSON library; adapters convert at the edge.
 */
public final class JsonObjects {
    /** Upper bound for one metadata or params object, measured as compact JSON text. */
    public static final int MAX_BYTES = 64 * 1024;

    public static final int MAX_DEPTH = 32;

    private JsonObjects() {}

    /** A frozen deep copy of {@code value}; null becomes an empty object. */
    public static Map<String, Object> object(String field, Map<String, ?> value) {
        if (value == null) {
            return Map.of();
        }
        long size = estimate(field, value, 0);
        if (size > MAX_BYTES) {
            throw new InvalidInputException(
                    field + " is " + size + " bytes as JSON; at most " + MAX_BYTES + " are allowed");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) freeze(value);
        return copy;
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** Approximate size of the compact JSON text of {@code value}, checking its shape. */
    private static long estimate(String field, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(field + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            return 4;
        }
        if (value instanceof String s) {
            return s.length() + 2L;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value).length();
        }
        if (value instanceof Map<?, ?> map) {
            long total = 2;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new InvalidInputException(field + " keys must be strings");
                }
                total += key.length() + 4 + estimate(field, e.getValue(), depth + 1);
            }
            return total;
        }
        if (value instanceof List<?> list) {
            long total = 2;
            for (Object item : list) {
                total += 1 + estimate(field, item, depth + 1);
            }
            return total;
        }
        throw new InvalidInputException(field + " must contain only JSON values");
    }
}
