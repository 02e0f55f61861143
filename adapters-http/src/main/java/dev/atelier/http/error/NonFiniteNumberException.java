package dev.atelier.http.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A number a double cannot hold ({@code 1e999}), where a free-form value was expected: refused as a
 * 400 instead of being stored as a string. Thrown by the server's JSON reader, described by
 * {@link JsonErrors}.
 */
public final class NonFiniteNumberException extends InvalidFormatException {
    private static final long serialVersionUID = 1L;

    public NonFiniteNumberException(JsonParser p, String number) {
        super(p, "number out of range: " + number, number, Double.class);
    }

    /** The number as it was written. */
    public String number() {
        return (String) getValue();
    }
}
