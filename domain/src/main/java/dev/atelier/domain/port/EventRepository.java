package dev.atelier.domain.port;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.ProjectId;
import java.util.Collection;
import java.util.List;

/**
 * The timeline of projects. Append-only; {@link #timeline} is chronological (timestamp, then id).
 * {@link #findByProjectIds} is the batch form for readers of many projects (export): the events of
 * those projects ordered by project id, then timestamp, then id, in one round of reads. {@link
 * #appendAll} appends many events at once (one batch of writes), with the same meaning as calling
 * {@link #append} for each.
 */
public interface EventRepository {
    void append(Event event);

    List<Event> timeline(ProjectId project);

    /** The events of {@code projects}, by project id, then timestamp, then id. */
    List<Event> findByProjectIds(Collection<ProjectId> projects);

    /** Appends every event of {@code events}, in one batch. */
    void appendAll(List<Event> events);
}
