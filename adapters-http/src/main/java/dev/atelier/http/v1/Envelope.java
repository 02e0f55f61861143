package dev.atelier.http.v1;

import io.micronaut.core.annotation.Introspected;

/**
 * The v1 answer: {@code {"status": "success", "message": "...", "data": ...}}. An operation whose
 * data is a record says so ({@code Envelope<UserAccounts>}), so the OpenAPI document describes it.
 */
@Introspected
public record Envelope<T>(String status, String message, T data) {
    public static <T> Envelope<T> success(String message, T data) {
        return new Envelope<>("success", message, data);
    }
}
