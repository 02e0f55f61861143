package dev.atelier.http.v1;

import io.micronaut.core.annotation.Introspected;

/** The v1 answer: {@code {"status": "success", "message": "...", "data": ...}}. */
@Introspected
public record Envelope(String status, String message, Object data) {
    public static Envelope success(String message, Object data) {
        return new Envelope("success", message, data);
    }
}
