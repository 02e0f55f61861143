package dev.atelier.persistence;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.persistence.EventRows.EventRow;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
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
    public void appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO project_events (id, project_id, type, name, actor_id, happened_at, details)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Event e : events) {
                    ps.setString(1, e.id());
                    ps.setString(2, e.projectId().value());
                    ps.setString(3, e.type().name());
                    ps.setString(4, e.name());
                    ps.setString(5, e.actor() == null ? null : e.actor().value());
                    Db.setInstant(ps, 6, e.timestamp());
                    ps.setString(7, Json.write(e.details()));
                    ps.addBatch();
                    if (++pending == Db.CHUNK) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public List<Event> findByProjectIds(Collection<ProjectId> projects) {
        List<String> ids = Db.sortedDistinct(projects, ProjectId::value);
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<Event> result = new ArrayList<>();
            for (List<String> chunk : Db.chunks(ids)) {
                result.addAll(Db.query(
                        c,
                        "SELECT id, project_id, type, name, actor_id, happened_at, details FROM project_events"
                                + " WHERE project_id IN (" + Db.placeholders(chunk.size()) + ")"
                                + " ORDER BY project_id, happened_at, id",
                        ps -> Db.bindStrings(ps, 1, chunk),
                        rs -> new Event(
                                rs.getString(1),
                                new ProjectId(rs.getString(2)),
                                EventType.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5) == null ? null : new UserId(rs.getString(5)),
                                Db.getInstant(rs, "happened_at"),
                                Json.read(rs.getString(7)))));
            }
            return result;
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
