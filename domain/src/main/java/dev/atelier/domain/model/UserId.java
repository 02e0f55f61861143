package dev.atelier.domain.model;

import java.util.Objects;

/** Identity of a user: server-generated time-ordered UUID, or a caller-chosen id ({@link Ids}). */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String value) {
        return new UserId(Ids.require("user_id", value));
    }

    @Override
    public String toString() {
        return value;
    }
}
