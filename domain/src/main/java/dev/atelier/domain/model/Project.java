package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A project: the unit people create, share, parameterize and move. Names are unique per owner
 * within a workspace (case-sensitive). {@code version} is the optimistic-lock counter, bumped by
 * the repository on every update. {@code datasetCount} is derived (tabular documents attached).
 */
public record Project(
        ProjectId id,
        WorkspaceId workspaceId,
        String name,
        String description,
        Map<String, Object> metadata,
        String type,
        ProjectStatus status,
        Scope scope,
        UserId ownerId,
        String organization,
        LabelingOptions labeling,
        int datasetCount,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String DEFAULT_TYPE = "general";

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        name = Text.name("name", name);
        description = Text.optional("description", description, Text.MAX_DESCRIPTION);
        metadata = JsonObjects.object("metadata", metadata);
        type = type == null || type.isBlank() ? DEFAULT_TYPE : Text.optional("type", type.strip(), Text.MAX_TYPE);
        status = status == null ? ProjectStatus.ACTIVE : status;
        scope = scope == null ? Scope.USER : scope;
        labeling = labeling == null ? LabelingOptions.NONE : labeling;
    }

    /** A new project owned by {@code owner}, at version 0. */
    public static Project create(
            ProjectId id,
            WorkspaceId workspaceId,
            User owner,
            String name,
            String description,
            Map<String, Object> metadata,
            String type,
            Scope scope,
            LabelingOptions labeling,
            Instant now) {
        return new Project(
                id,
                workspaceId,
                name,
                description,
                metadata,
                type,
                ProjectStatus.ACTIVE,
                scope,
                owner.id(),
                owner.organization(),
                labeling,
                0,
                now,
                now,
                0);
    }

    /**
     * The role {@code user} effectively holds here: owner for the owner, the membership role for a
     * member, viewer for anyone in the organization of an organization-scoped project, otherwise
     * none (and then the project does not exist as far as that user can tell).
     */
    public Optional<Role> roleOf(User user, Optional<Role> membership) {
        if (ownerId.equals(user.id())) {
            return Optional.of(Role.OWNER);
        }
        if (membership.isPresent()) {
            return membership;
        }
        if (scope == Scope.ORGANIZATION && user.sameOrganizationAs(organization)) {
            return Optional.of(Role.VIEWER);
        }
        return Optional.empty();
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }

    public boolean isArchived() {
        return status == ProjectStatus.ARCHIVED;
    }

    public Project withName(String newName) {
        return new Project(
                id,
                workspaceId,
                newName,
                description,
                metadata,
                type,
                status,
                scope,
                ownerId,
                organization,
                labeling,
                datasetCount,
                createdAt,
                updatedAt,
                version);
    }

    public Project withDetails(
            String newName, String newDescription, Map<String, Object> newMetadata, Scope newScope, Instant now) {
        return new Project(
                id,
                workspaceId,
                newName,
                newDescription,
                newMetadata,
                type,
                status,
                newScope,
                ownerId,
                organization,
                labeling,
                datasetCount,
                createdAt,
                now,
                version);
    }

    public Project withStatus(ProjectStatus newStatus, Instant now) {
        return new Project(
                id,
                workspaceId,
                name,
                description,
                metadata,
                type,
                newStatus,
                scope,
                ownerId,
                organization,
                labeling,
                datasetCount,
                createdAt,
                now,
                version);
    }

    public Project withVersion(long newVersion) {
        return new Project(
                id,
                workspaceId,
                name,
                description,
                metadata,
                type,
                status,
                scope,
                ownerId,
                organization,
                labeling,
                datasetCount,
                createdAt,
                updatedAt,
                newVersion);
    }

    /** The same content under a new identity, owner and place: what copy and import produce. */
    public Project relocated(
            ProjectId newId, WorkspaceId newWorkspace, User newOwner, String newName, Scope newScope, Instant now) {
        return new Project(
                newId,
                newWorkspace,
                newName,
                description,
                metadata,
                type,
                status,
                newScope,
                newOwner.id(),
                newOwner.organization(),
                labeling,
                0,
                now,
                now,
                0);
    }
}
