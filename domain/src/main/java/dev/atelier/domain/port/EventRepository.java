package dev.atelier.domain.port;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.ProjectId;
import java.util.List;

/**
 * The timeline of projects. Append-only; {@link #timeline} is chronological (timestamp, then id).
 */
public interface EventRepository {
    void append(Event event);

    List<Event> timeline(ProjectId project);
}
