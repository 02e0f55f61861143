package dev.atelier.persistence;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.persistence.EventRows.EventRow;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
final class JdbcEventRepository implements EventRepository {
    private final Db db;
    private final EventRows rows;

    JdbcEventRepository(Db db, EventRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void append(Event e) {
        EventRow row = new EventRow(
                e.id(),
                e.projectId().value(),
                e.type().name(),
                e.name(),
                e.actor() == null ? null : e.actor().value(),
                Db.micros(e.timestamp()),
                Json.write(e.details()));
        db.write(c -> {
            rows.insert(row);
            return null;
        });
    }

    @Override
    public List<Event> timeline(ProjectId project) {
        return db.read(c -> rows.findByProjectId(project.value(), EventRows.TIMELINE).stream()
                .map(r -> new Event(
                        r.id(),
                        new ProjectId(r.projectId()),
                        EventType.valueOf(r.type()),
                        r.name(),
                        r.actorId() == null ? null : new UserId(r.actorId()),
                        r.happenedAt(),
                        Json.read(r.details())))
                .toList());
    }
}
