package dev.atelier.application.collaboration;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.EventRepository;
import java.util.List;

/** A project's timeline: every event of every kind, from every dialect, oldest first. */
public final class GetTimeline {
    private final ProjectAccess access;
    private final EventRepository events;

    public GetTimeline(ProjectAccess access, EventRepository events) {
        this.access = access;
        this.events = events;
    }

    public record Command(User caller, String projectId) {}

    public record Result(Project project, List<Event> events) {}

    public Result execute(Command c) {
        Project project = access.require(c.caller(), c.projectId(), Role.VIEWER).project();
        return new Result(project, events.timeline(project.id()));
    }
}
