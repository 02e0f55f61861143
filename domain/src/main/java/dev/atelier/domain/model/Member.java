package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A user's role on a project. The project's owner is always a member with role owner. */
public record Member(ProjectId projectId, UserId userId, Role role, Instant createdAt) {
    public Member {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
