package dev.atelier.application.project;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ProjectRepository;
import java.util.Optional;

/**
 * The single authorization decision for project operations, shared by every dialect: find the
 * project, work out the caller's role, and refuse with "not found" when the caller has no role at
 * all (another tenant's project looks exactly like a missing one) or "forbidden" when the role is
 * too low for the operation.
 */
public final class ProjectAccess {
    private final ProjectRepository projects;
    private final MemberRepository members;

    public ProjectAccess(ProjectRepository projects, MemberRepository members) {
        this.projects = projects;
        this.members = members;
    }

    /** A project together with the role the caller holds on it. */
    public record Granted(Project project, Role role) {}

    public Granted require(User caller, String projectId, Role needed) {
        return check(caller, parseId(projectId), needed, projects.findById(parseId(projectId)));
    }

    /** As {@link #require}, also locking the project row for the rest of the transaction. */
    public Granted requireLocked(User caller, String projectId, Role needed) {
        return check(caller, parseId(projectId), needed, projects.lock(parseId(projectId)));
    }

    /** As {@link #require}, and the project must live in {@code workspace} when one was named explicitly. */
    public Granted require(User caller, String projectId, Role needed, Optional<Workspace> explicitWorkspace) {
        return inWorkspace(require(caller, projectId, needed), projectId, explicitWorkspace);
    }

    /** As {@link #requireLocked}, and the project must live in {@code workspace} when one was named explicitly. */
    public Granted requireLocked(User caller, String projectId, Role needed, Optional<Workspace> explicitWorkspace) {
        return inWorkspace(requireLocked(caller, projectId, needed), projectId, explicitWorkspace);
    }

    private static Granted inWorkspace(Granted granted, String projectId, Optional<Workspace> explicitWorkspace) {
        if (explicitWorkspace.isPresent()
                && !explicitWorkspace.get().id().equals(granted.project().workspaceId())) {
            throw notFound(projectId);
        }
        return granted;
    }

    /**
     * The decision of {@link #require} on a project already read together with the caller's
     * membership ({@code ProjectRepository.snapshot}): no further read.
     */
    public Granted decide(
            User caller,
            String projectId,
            Role needed,
            Optional<ProjectRepository.Snapshot> found,
            Optional<Workspace> explicitWorkspace) {
        ProjectId id = parseId(projectId);
        Project project = found.map(ProjectRepository.Snapshot::project).orElseThrow(() -> notFound(id.value()));
        Role role = project.roleOf(caller, found.get().membership()).orElseThrow(() -> notFound(id.value()));
        return inWorkspace(permitted(id, needed, project, role), projectId, explicitWorkspace);
    }

    public Optional<Role> roleOf(User caller, Project project) {
        return project.roleOf(caller, members.roleOf(project.id(), caller.id()));
    }

    private Granted check(User caller, ProjectId id, Role needed, Optional<Project> found) {
        Project project = found.orElseThrow(() -> notFound(id.value()));
        Role role = roleOf(caller, project).orElseThrow(() -> notFound(id.value()));
        return permitted(id, needed, project, role);
    }

    private static Granted permitted(ProjectId id, Role needed, Project project, Role role) {
        if (!role.atLeast(needed)) {
            throw new ForbiddenException(
                    "this needs the " + needed.wire() + " role on project " + id + "; you have " + role.wire());
        }
        return new Granted(project, role);
    }

    private static ProjectId parseId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new InvalidInputException("project_id is required");
        }
        if (!Ids.isValid(projectId)) {
            throw new NotFoundException("project " + dev.atelier.domain.model.Text.clip(projectId, 64) + " not found");
        }
        return new ProjectId(projectId);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("project " + id + " not found");
    }
}
