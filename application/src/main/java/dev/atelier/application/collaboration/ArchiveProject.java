package dev.atelier.application.collaboration;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.Map;

/**
 * Archives a project or brings it back (status archived/active). Needs editor. Setting the status
 * it already has changes nothing and records nothing; otherwise records "archived" with
 * {@code {"archived": true|false}}.
 */
public final class ArchiveProject {
    private final ProjectAccess access;
    private final ProjectRepository projects;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final Clock clock;

    public ArchiveProject(
            ProjectAccess access, ProjectRepository projects, Timeline timeline, UnitOfWork uow, Clock clock) {
        this.access = access;
        this.projects = projects;
        this.timeline = timeline;
        this.uow = uow;
        this.clock = clock;
    }

    public record Command(User caller, String projectId, boolean archived) {}

    public Project execute(Command c) {
        return uow.inTransaction(() -> {
            Project project =
                    access.requireLocked(c.caller(), c.projectId(), Role.EDITOR).project();
            if (project.isArchived() == c.archived()) {
                return project;
            }
            Project saved = projects.update(
                    project.withStatus(c.archived() ? ProjectStatus.ARCHIVED : ProjectStatus.ACTIVE, clock.instant()));
            timeline.record(saved.id(), EventType.ARCHIVED, saved.name(), c.caller(), Map.of("archived", c.archived()));
            return saved;
        });
    }
}
