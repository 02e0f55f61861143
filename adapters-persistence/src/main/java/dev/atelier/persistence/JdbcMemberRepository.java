package dev.atelier.persistence;

import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.MemberRepository;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcMemberRepository implements MemberRepository {
    private final Db db;

    JdbcMemberRepository(Db db) {
        this.db = db;
    }

    @Override
    public void save(Member member) {
        db.write(c -> {
            if (changeRole(c, member) > 0) {
                return null;
            }
            try {
                Db.guardedUpdate(
                        c,
                        "INSERT INTO project_members (project_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
                        ps -> {
                            ps.setString(1, member.projectId().value());
                            ps.setString(2, member.userId().value());
                            ps.setString(3, member.role().name());
                            Db.setInstant(ps, 4, member.createdAt());
                        });
            } catch (SQLException e) {
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent save inserted the membership first: the role is what changes
                changeRole(c, member);
            }
            return null;
        });
    }

    private static int changeRole(Connection c, Member member) throws SQLException {
        return Db.update(c, "UPDATE project_members SET role = ? WHERE project_id = ? AND user_id = ?", ps -> {
            ps.setString(1, member.role().name());
            ps.setString(2, member.projectId().value());
            ps.setString(3, member.userId().value());
        });
    }

    @Override
    public boolean remove(ProjectId project, UserId user) {
        return db.write(c -> Db.update(c, "DELETE FROM project_members WHERE project_id = ? AND user_id = ?", ps -> {
                    ps.setString(1, project.value());
                    ps.setString(2, user.value());
                })
                > 0);
    }

    @Override
    public Optional<Role> roleOf(ProjectId project, UserId user) {
        return db.read(c -> Db.queryOne(
                c,
                "SELECT role FROM project_members WHERE project_id = ? AND user_id = ?",
                ps -> {
                    ps.setString(1, project.value());
                    ps.setString(2, user.value());
                },
                rs -> Role.valueOf(rs.getString(1))));
    }

    @Override
    public Page<MemberProfile> list(ProjectId project, int limit, long offset) {
        return db.read(c -> {
            long total = Db.count(
                    c,
                    "SELECT COUNT(*) FROM project_members WHERE project_id = ?",
                    ps -> ps.setString(1, project.value()));
            List<MemberProfile> items = Db.query(
                    c,
                    "SELECT m.project_id, m.user_id, m.role, m.created_at, u.email, u.name"
                            + " FROM project_members m LEFT JOIN users u ON u.id = m.user_id"
                            + " WHERE m.project_id = ? ORDER BY m.created_at, m.user_id LIMIT ? OFFSET ?",
                    ps -> {
                        ps.setString(1, project.value());
                        ps.setInt(2, limit);
                        ps.setLong(3, offset);
                    },
                    rs -> new MemberProfile(
                            new Member(
                                    new ProjectId(rs.getString("project_id")),
                                    new UserId(rs.getString("user_id")),
                                    Role.valueOf(rs.getString("role")),
                                    Db.getInstant(rs, "created_at")),
                            rs.getString("email"),
                            rs.getString("name")));
            return new Page<>(items, total, limit, offset);
        });
    }
}
