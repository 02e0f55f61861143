package dev.atelier.application.project;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records what happens to projects; called inside the transaction of the change it describes. */
public final class Timeline {
    private final EventRepository events;
    private final IdGenerator ids;
    private final Clock clock;

    public Timeline(EventRepository events, IdGenerator ids, Clock clock) {
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    public void record(ProjectId project, EventType type, String name, User actor, Map<String, Object> details) {
        events.append(event(project, type, name, actor, details));
    }

    /** The event {@link #record} would append, for a repository that stores it with the change. */
    public Event event(ProjectId project, EventType type, String name, User actor, Map<String, Object> details) {
        return new Event(ids.newId(), project, type, name, actor == null ? null : actor.id(), clock.instant(), details);
    }

    /** Records the same event on each of {@code projects} (named after each project), in one batch. */
    public void recordAll(List<Project> projects, EventType type, User actor, Map<String, Object> details) {
        Instant now = clock.instant();
        events.appendAll(projects.stream()
                .map(p ->
                        new Event(ids.newId(), p.id(), type, p.name(), actor == null ? null : actor.id(), now, details))
                .toList());
    }
}
