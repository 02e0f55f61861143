package dev.atelier.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The wire form of a JSON answer as one line of text, for tests that pin fields and their order. */
public final class JsonShapes {
    private JsonShapes() {}

    /**
     * The answer as text: an object's fields in order with the shape of each value ({@code s}
     * string, {@code n} integral number, {@code f} other number, {@code b} boolean, {@code null}),
     * a list as the distinct shapes of its items.
     */
    public static String shape(JsonNode node) {
        if (node.isObject()) {
            List<String> fields = new ArrayList<>();
            node.properties().forEach(e -> fields.add(e.getKey() + ":" + shape(e.getValue())));
            return "{" + String.join(",", fields) + "}";
        }
        if (node.isArray()) {
            Set<String> items = new LinkedHashSet<>();
            node.forEach(item -> items.add(shape(item)));
            return "[" + String.join("|", items) + "]";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "s";
        }
        if (node.isIntegralNumber()) {
            return "n";
        }
        if (node.isNumber()) {
            return "f";
        }
        if (node.isBoolean()) {
            return "b";
        }
        return node.getNodeType().toString();
    }
}
