package dev.atelier.http.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python's subscript on a JSON answer, as the examples read it ({@code result['data']['project_id']},
 * {@code project['param_history'][-1]}): a missing key fails the test the way the Python line raises
 * {@code KeyError}, an index out of range as {@code IndexError}, subscripting a scalar as
 * {@code TypeError}. Keys are strings, indexes integers (negative ones count from the end).
 */
final class Py {
    private Py() {}

    static JsonNode item(JsonNode node, Object... path) {
        JsonNode current = node;
        StringBuilder where = new StringBuilder("answer");
        for (Object key : path) {
            if (key instanceof String name) {
                if (!current.isObject()) {
                    throw new AssertionError("TypeError: " + where + " is not a dict: " + current);
                }
                if (!current.has(name)) {
                    throw new AssertionError("KeyError: '" + name + "' (" + where + " is " + current + ")");
                }
                current = current.get(name);
                where.append("['").append(name).append("']");
            } else if (key instanceof Integer index) {
                if (!current.isArray()) {
                    throw new AssertionError("TypeError: " + where + " is not a list: " + current);
                }
                int i = index < 0 ? current.size() + index : index;
                if (i < 0 || i >= current.size()) {
                    throw new AssertionError("IndexError: list index out of range (" + where + "[" + index + "])");
                }
                current = current.get(i);
                where.append('[').append(index).append(']');
            } else {
                throw new IllegalArgumentException("a key is a String or an Integer: " + key);
            }
        }
        return current;
    }

    /**
     * A Python dict literal: {@code dict("a", 1, "b", None)} keeps the order and the {@code null}
     * values (which a Python client sends as JSON {@code null}), as {@code {"a": 1, "b": None}} does.
     */
    static Map<String, Object> dict(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a dict literal needs a value for every key");
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            dict.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return dict;
    }

    /** {@code f"{value}"} of a string item: fails unless the item is a non-empty string. */
    static String str(JsonNode node, Object... path) {
        JsonNode value = item(node, path);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw new AssertionError(
                    "expected a non-empty string at " + java.util.Arrays.toString(path) + ": " + value);
        }
        return value.textValue();
    }
}
