package dev.atelier.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The copies of a project's sort keys (created, updated, name, dataset count) and searchable text
 * (name, description) on its shared membership rows, from which PostgreSQL answers the shared
 * branch of the project list with an index walk (see {@link ProjectSearchSql} and
 * {@code V4__shared_membership_sort_keys.sql}). A copy that lagged behind its project would list
 * the project out of order or miss it in a search, so every write of those project columns or of a
 * shared membership calls {@link #refresh} in the same transaction, after the write: the copies are
 * read from the project row as this transaction sees it. The owner's own row (not shared) carries
 * no copies.
 */
final class SharedMembershipCopies {
    private static final String REFRESH = "UPDATE project_members SET (project_name, project_description,"
            + " project_created_at, project_updated_at, project_dataset_count) = (SELECT p.name, p.description,"
            + " p.created_at, p.updated_at, p.dataset_count FROM projects p WHERE p.id = project_members.project_id)"
            + " WHERE shared = TRUE AND project_id";

    private SharedMembershipCopies() {}

    /** Rewrites the copies on every shared membership of {@code project}. */
    static void refresh(Connection c, String project) throws SQLException {
        Db.update(c, REFRESH + " = ?", ps -> ps.setString(1, project));
    }

    /** Rewrites the copies on every shared membership of these projects, one statement per {@link Db#CHUNK}. */
    static void refresh(Connection c, List<String> sortedProjects) throws SQLException {
        for (List<String> chunk : Db.chunks(sortedProjects)) {
            Db.update(c, REFRESH + " IN (" + Db.placeholders(chunk.size()) + ")", ps -> Db.bindStrings(ps, 1, chunk));
        }
    }
}
