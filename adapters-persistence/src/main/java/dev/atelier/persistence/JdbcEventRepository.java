package dev.atelier.persistence;

import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.EventRepository;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
final class JdbcEventRepository implements EventRepository {
    private final Db db;

    JdbcEventRepository(Db db) {
        this.db = db;
    }

    @Override
    public void append(Event e) {
        db.write(c -> Db.update(
                c,
                "INSERT INTO project_events (id, project_id, type, name, actor_id, happened_at, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, e.id());
                    ps.setString(2, e.projectId().value());
                    ps.setString(3, e.type().name());
                    ps.setString(4, e.name());
                    ps.setString(5, e.actor() == null ? null : e.actor().value());
                    Db.setInstant(ps, 6, e.timestamp());
                    ps.setString(7, Json.write(e.details()));
                }));
    }

    @Override
    public List<Event> timeline(ProjectId project) {
        return db.read(c -> Db.query(
                c,
                "SELECT id, project_id, type, name, actor_id, happened_at, details FROM project_events"
                        + " WHERE project_id = ? ORDER BY happened_at, id",
                ps -> ps.setString(1, project.value()),
                rs -> {
                    String actor = rs.getString("actor_id");
                    return new Event(
                            rs.getString("id"),
                            new ProjectId(rs.getString("project_id")),
                            EventType.valueOf(rs.getString("type")),
                            rs.getString("name"),
                            actor == null ? null : new UserId(actor),
                            Db.getInstant(rs, "happened_at"),
                            Json.read(rs.getString("details")));
                }));
    }
}
