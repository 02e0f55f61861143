package dev.atelier.persistence;

import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.persistence.MemberRows.MemberKey;
import dev.atelier.persistence.MemberRows.MemberRow;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
final class JdbcMemberRepository implements MemberRepository {
    private final Db db;
    private final MemberRows rows;

    JdbcMemberRepository(Db db, MemberRows rows) {
        this.db = db;
        this.rows = rows;
    }

    @Override
    public void save(Member member) {
        MemberKey key = key(member.projectId(), member.userId());
        String role = member.role().name();
        db.write(c -> {
            if (rows.update(key, role) > 0) {
                return null;
            }
            try {
                Db.guarded(c, () -> {
                    rows.insert(new MemberRow(key, role, Db.micros(member.createdAt())));
                    return null;
                });
                markOwnerRows(c, List.of(member));
            } catch (RuntimeException e) {
                if (!Db.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent save inserted the membership first: the role is what changes
                rows.update(key, role);
            }
            return null;
        });
    }

    /** JDBC batches; the primary key (project, user) turns an existing membership into a conflict. */
    @Override
    public void insertAll(List<Member> members) {
        if (members.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO project_members (project_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")) {
                int pending = 0;
                for (Member m : members) {
                    ps.setString(1, m.projectId().value());
                    ps.setString(2, m.userId().value());
                    ps.setString(3, m.role().name());
                    Db.setInstant(ps, 4, m.createdAt());
                    ps.addBatch();
                    if (++pending == Db.CHUNK) {
                        Db.executeBatch(ps, "a membership of this batch already exists");
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    Db.executeBatch(ps, "a membership of this batch already exists");
                }
            }
            markOwnerRows(c, members);
            return null;
        });
    }

    /**
     * A membership row is written as shared (the column's default); the project owner's own row is
     * then marked as not shared, so that the shared branch of the project list (and its partial
     * index) never holds it, and the shared rows get their copies of the project's sort keys and
     * text ({@link SharedMembershipCopies}). Two statements per {@link Db#CHUNK} memberships.
     */
    private static void markOwnerRows(java.sql.Connection c, List<Member> members) throws java.sql.SQLException {
        List<String> projects = Db.sortedDistinct(members, m -> m.projectId().value());
        for (List<String> chunk : Db.chunks(projects)) {
            Db.update(
                    c,
                    "UPDATE project_members SET shared = FALSE WHERE shared = TRUE AND project_id IN ("
                            + Db.placeholders(chunk.size()) + ") AND user_id ="
                            + " (SELECT p.owner_id FROM projects p WHERE p.id = project_members.project_id)",
                    ps -> Db.bindStrings(ps, 1, chunk));
        }
        SharedMembershipCopies.refresh(c, projects);
    }

    @Override
    public boolean remove(ProjectId project, UserId user) {
        return db.write(c -> rows.deleteById(key(project, user)) > 0);
    }

    @Override
    public Optional<Role> roleOf(ProjectId project, UserId user) {
        return db.read(c -> rows.findById(key(project, user)).map(r -> Role.valueOf(r.role())));
    }

    @Override
    public Page<MemberProfile> list(ProjectId project, int limit, long offset) {
        return db.read(c -> {
            long total = rows.countOf(project.value());
            List<MemberProfile> items = rows.profiles(project.value(), limit, offset).stream()
                    .map(r -> new MemberProfile(
                            new Member(
                                    new ProjectId(r.projectId()),
                                    new UserId(r.userId()),
                                    Role.valueOf(r.role()),
                                    r.createdAt()),
                            r.email(),
                            r.name()))
                    .toList();
            return new Page<>(items, total, limit, offset);
        });
    }

    @Override
    public List<MemberProfile> findByProjectIds(Collection<ProjectId> projects) {
        List<String> ids = Db.sortedDistinct(projects, ProjectId::value);
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<MemberProfile> result = new ArrayList<>();
            for (List<String> chunk : Db.chunks(ids)) {
                result.addAll(Db.query(
                        c,
                        "SELECT m.project_id, m.user_id, m.role, m.created_at, u.email, u.name"
                                + " FROM project_members m LEFT JOIN users u ON u.id = m.user_id"
                                + " WHERE m.project_id IN (" + Db.placeholders(chunk.size()) + ")"
                                + " ORDER BY m.project_id, m.created_at, m.user_id",
                        ps -> Db.bindStrings(ps, 1, chunk),
                        rs -> new MemberProfile(
                                new Member(
                                        new ProjectId(rs.getString(1)),
                                        new UserId(rs.getString(2)),
                                        Role.valueOf(rs.getString(3)),
                                        Db.getInstant(rs, "created_at")),
                                rs.getString(5),
                                rs.getString(6))));
            }
            return result;
        });
    }

    private static MemberKey key(ProjectId project, UserId user) {
        return new MemberKey(project.value(), user.value());
    }
}
