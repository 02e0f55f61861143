package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A container of projects. Every user has exactly one default workspace, created on first use. */
public record Workspace(
        WorkspaceId id,
        String name,
        String description,
        Map<String, Object> metadata,
        UserId ownerId,
        String organization,
        Scope scope,
        boolean defaultWorkspace,
        Instant createdAt,
        Instant updatedAt) {

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        name = Text.name("name", name);
        description = Text.optional("description", description, Text.MAX_DESCRIPTION);
        metadata = JsonObjects.object("metadata", metadata);
    }

    /** Owners always see their workspaces; organization-scoped ones are visible to the organization. */
    public boolean isVisibleTo(User user) {
        return ownerId.equals(user.id()) || (scope == Scope.ORGANIZATION && user.sameOrganizationAs(organization));
    }

    public Workspace withDetails(
            String newName, String newDescription, Map<String, Object> newMetadata, Scope newScope, Instant now) {
        return new Workspace(
                id,
                newName,
                newDescription,
                newMetadata,
                ownerId,
                organization,
                newScope,
                defaultWorkspace,
                createdAt,
                now);
    }
}
