package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One entry of a project's timeline and audit trail. {@code actor} may be null for system events. */
public record Event(
        String id,
        ProjectId projectId,
        EventType type,
        String name,
        UserId actor,
        Instant timestamp,
        Map<String, Object> details) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        name = name == null ? type.wire() : Text.clip(name, Text.MAX_NAME);
        details = JsonObjects.object("details", details);
    }
}
