package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.persistence.ParamRows.ParamKey;
import dev.atelier.persistence.ParamRows.ParamRow;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
final class JdbcParamHistoryRepository implements ParamHistoryRepository {
    private final Db db;
    private final ParamRows rows;

    JdbcParamHistoryRepository(Db db, ParamRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void append(ProjectId project, ParamVersion version) {
        ParamRow row = new ParamRow(
                new ParamKey(project.value(), version.version()),
                Json.write(version.params()),
                version.instruction(),
                Db.micros(version.createdAt()));
        db.write(c -> {
            // the projects table stays with the hand-written SQL of JdbcProjectRepository
            if (!Db.exists(c, "SELECT 1 FROM projects WHERE id = ?", ps -> ps.setString(1, project.value()))) {
                throw new NotFoundException("project " + project + " not found");
            }
            try {
                Db.guarded(c, () -> {
                    rows.insert(row);
                    return null;
                });
            } catch (RuntimeException e) {
                if (Db.isUniqueViolation(e)) {
                    throw new ConflictException("params version " + version.version() + " already exists");
                }
                throw e;
            }
            return null;
        });
    }

    /** JDBC batches; the primary key (project, version) turns a taken version into a conflict. */
    @Override
    public void appendAll(List<Versioned> versions) {
        if (versions.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO project_params"
                    + " (project_id, version, params, instruction, created_at) VALUES (?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Versioned v : versions) {
                    ps.setString(1, v.project().value());
                    ps.setInt(2, v.version().version());
                    ps.setString(3, Json.write(v.version().params()));
                    ps.setString(4, v.version().instruction());
                    Db.setInstant(ps, 5, v.version().createdAt());
                    ps.addBatch();
                    if (++pending == Db.CHUNK) {
                        Db.executeBatch(ps, "a params version of this batch already exists");
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    Db.executeBatch(ps, "a params version of this batch already exists");
                }
            }
            return null;
        });
    }

    @Override
    public List<ParamVersion> history(ProjectId project) {
        return db.read(c -> rows.history(project.value()).stream()
                .map(JdbcParamHistoryRepository::toVersion)
                .toList());
    }

    @Override
    public Optional<ParamVersion> latest(ProjectId project) {
        return db.read(c -> rows.latest(project.value()).map(JdbcParamHistoryRepository::toVersion));
    }

    @Override
    public Map<ProjectId, List<ParamVersion>> findByProjectIds(Collection<ProjectId> projects) {
        List<String> ids = Db.sortedDistinct(projects, ProjectId::value);
        Map<ProjectId, List<ParamVersion>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        return db.read(c -> {
            for (List<String> chunk : Db.chunks(ids)) {
                Db.query(
                        c,
                        "SELECT project_id, version, params, instruction, created_at FROM project_params"
                                + " WHERE project_id IN (" + Db.placeholders(chunk.size())
                                + ") ORDER BY project_id, version",
                        ps -> Db.bindStrings(ps, 1, chunk),
                        rs -> {
                            result.computeIfAbsent(new ProjectId(rs.getString(1)), k -> new java.util.ArrayList<>())
                                    .add(new ParamVersion(
                                            rs.getInt(2),
                                            Json.read(rs.getString(3)),
                                            rs.getString(4),
                                            Db.getInstant(rs, "created_at")));
                            return null;
                        });
            }
            return result;
        });
    }

    private static ParamVersion toVersion(ParamRow r) {
        return new ParamVersion(r.key().version(), Json.read(r.params()), r.instruction(), r.createdAt());
    }
}
