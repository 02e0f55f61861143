package dev.atelier.domain.model;

import java.util.Objects;

/** Identity of a workspace: server-generated time-ordered UUID, or a caller-chosen id ({@link Ids}). */
public record WorkspaceId(String value) {
    public WorkspaceId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(Ids.require("workspace_id", value));
    }

    @Override
    public String toString() {
        return value;
    }
}
