package dev.atelier.http.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value)} writes it, which is what the
 * {@code requests} library sends for {@code json=value}: {@code ", "} and {@code ": "} as
 * separators, every character outside printable ASCII escaped as {@code \\uXXXX} (lower-case hex,
 * UTF-16 surrogate pairs), floats in Python's shortest {@code repr}. Accepts maps (in their
 * iteration order, as a Python dict keeps insertion order), lists, strings, booleans, numbers,
 * null and Jackson trees (what a client read back with {@code json.load} and sends again).
 */
final class PythonJson {
    private PythonJson() {}

    static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case JsonNode node -> writeNode(out, node);
            case String s -> string(out, s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Short s -> out.append(s);
            case BigInteger i -> out.append(i);
            case Double d -> out.append(floatRepr(d));
            case Float f -> out.append(floatRepr(f.doubleValue()));
            case BigDecimal d -> out.append(floatRepr(d.doubleValue()));
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    string(out, String.valueOf(e.getKey()));
                    out.append(": ");
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(out, list.get(i));
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not JSON-serializable: " + value.getClass());
        }
    }

    private static void writeNode(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(out, e.getKey());
                out.append(": ");
                writeNode(out, e.getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                writeNode(out, node.get(i));
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(out, node.textValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(floatRepr(node.doubleValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not JSON-serializable: " + node.getNodeType());
        }
    }

    /** A string with {@code ensure_ascii}: the short escapes, {@code \\uXXXX} for everything else outside ' '..'~'. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as the same double (what
     * {@link Double#toString} also finds), positional for decimal exponents -4..15 with at least one
     * fractional digit, otherwise {@code d.ddde+XX}.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("Out of range float values are not JSON compliant: " + d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = exact.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
