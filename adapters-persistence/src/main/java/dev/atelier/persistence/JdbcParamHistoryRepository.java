package dev.atelier.persistence;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.port.ParamHistoryRepository;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcParamHistoryRepository implements ParamHistoryRepository {
    private final Db db;

    JdbcParamHistoryRepository(Db db) {
        this.db = db;
    }

    @Override
    public void append(ProjectId project, ParamVersion version) {
        db.write(c -> {
            if (!Db.exists(c, "SELECT 1 FROM projects WHERE id = ?", ps -> ps.setString(1, project.value()))) {
                throw new NotFoundException("project " + project + " not found");
            }
            try {
                Db.guardedUpdate(
                        c,
                        "INSERT INTO project_params (project_id, version, params, instruction, created_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        ps -> {
                            ps.setString(1, project.value());
                            ps.setInt(2, version.version());
                            ps.setString(3, Json.write(version.params()));
                            ps.setString(4, version.instruction());
                            Db.setInstant(ps, 5, version.createdAt());
                        });
            } catch (SQLException e) {
                if (Failures.isUniqueViolation(e)) {
                    throw new ConflictException("params version " + version.version() + " already exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<ParamVersion> history(ProjectId project) {
        return db.read(c -> Db.query(
                c,
                "SELECT version, params, instruction, created_at FROM project_params WHERE project_id = ?"
                        + " ORDER BY version",
                ps -> ps.setString(1, project.value()),
                JdbcParamHistoryRepository::map));
    }

    @Override
    public Optional<ParamVersion> latest(ProjectId project) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT version, params, instruction, created_at FROM project_params WHERE project_id = ?"
                        + " ORDER BY version DESC LIMIT 1",
                ps -> ps.setString(1, project.value()),
                JdbcParamHistoryRepository::map));
    }

    private static ParamVersion map(ResultSet rs) throws SQLException {
        return new ParamVersion(
                rs.getInt("version"),
                Json.read(rs.getString("params")),
                rs.getString("instruction"),
                Db.getInstant(rs, "created_at"));
    }
}
