package dev.atelier.domain.model;

import java.util.Objects;

/** Identity of a project: server-generated time-ordered UUID, or a caller-chosen id ({@link Ids}). */
public record ProjectId(String value) {
    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId of(String value) {
        return new ProjectId(Ids.require("project_id", value));
    }

    @Override
    public String toString() {
        return value;
    }
}
