package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request for the projects a user may see. {@code workspace} narrows the {@code user} set to one
 * workspace (null: all of the user's workspaces); organization and shared projects live in other
 * people's workspaces and are never narrowed by it. {@code search} matches name or description,
 * case-insensitively, as a substring. {@code archived} null means both.
 *
 * <p>{@code totalWindow} bounds the work of counting: a search counts matches up to {@link
 * #countLimit()} ({@code offset + limit + totalWindow}) and reports a larger set as that number with
 * {@link Page#totalExact()} false. Counting every match of a big visible set (an organization
 * with a million projects, a common search word) costs a scan of all of it; the window keeps the
 * count proportional to the page asked for while a client paging "while offset &lt; total" still
 * reaches every match. The default is {@link #TOTAL_WINDOW} for a list and {@link
 * #SEARCH_TOTAL_WINDOW} for a text search, whose matches are costlier to count (each candidate is
 * tested against the text; see docs/performance-queries.md for the measurements behind both).
 *
 * <p>{@code after} (null: from the start) asks for the projects after a {@link ProjectPosition}
 * instead of after {@code offset} items; it must be of this query's sort and direction, and
 * {@code offset} is then 0. The total still counts the whole list from its start.
 */
public record ProjectQuery(
        User caller,
        Set<Visibility> visibilities,
        WorkspaceId workspace,
        String search,
        Boolean archived,
        ProjectSort sort,
        boolean ascending,
        int limit,
        long offset,
        int totalWindow,
        ProjectPosition after) {

    public static final int MAX_LIMIT = 500;

    /** How many matches past the requested page a list counts exactly (see the class comment). */
    public static final int TOTAL_WINDOW = 1_000;

    /** How many matches past the requested page a text search counts exactly. */
    public static final int SEARCH_TOTAL_WINDOW = 100;

    /** This query, continued after {@code position} (null: from the start) instead of an offset. */
    public ProjectQuery after(ProjectPosition position) {
        return new ProjectQuery(
                caller, visibilities, workspace, search, archived, sort, ascending, limit, 0, totalWindow, position);
    }

    /** This query narrowed to {@code workspace} (null: every workspace of the caller's). */
    public ProjectQuery inWorkspace(WorkspaceId workspace) {
        return new ProjectQuery(
                caller, visibilities, workspace, search, archived, sort, ascending, limit, offset, totalWindow, after);
    }

    public ProjectQuery {
        Objects.requireNonNull(caller, "caller");
        visibilities = visibilities == null || visibilities.isEmpty()
                ? EnumSet.of(Visibility.USER)
                : EnumSet.copyOf(visibilities);
        search = search == null || search.isBlank() ? null : Text.optional("search", search.strip(), Text.MAX_NAME);
        sort = sort == null ? ProjectSort.CREATED_AT : sort;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > 100_000_000L) {
            throw new InvalidInputException("offset must be between 0 and 100000000");
        }
        if (totalWindow < 0) {
            throw new IllegalArgumentException("totalWindow must not be negative");
        }
        if (after != null) {
            if (offset != 0) {
                throw new InvalidInputException("a list is continued either after a position or after an offset");
            }
            if (after.sort() != sort || after.ascending() != ascending) {
                throw new InvalidInputException("the list position belongs to another sort order");
            }
        }
    }

    /**
     * The most matches a search counts: {@code offset + limit + totalWindow}. A search with more
     * matches reports this number as its total, flagged as a lower bound.
     */
    public long countLimit() {
        return offset + limit + totalWindow;
    }

    /**
     * The window a query counts with when none is given: {@link #TOTAL_WINDOW}, or {@link
     * #SEARCH_TOTAL_WINDOW} with search text.
     */
    public static int defaultTotalWindow(String search) {
        return search == null || search.isBlank() ? TOTAL_WINDOW : SEARCH_TOTAL_WINDOW;
    }

    /**
     * A query of {@code caller}'s projects, built by name: what is not set keeps the canonical
     * constructor's default (the USER visibility, every workspace, no search, archived or not,
     * {@link ProjectSort#CREATED_AT} ascending, offset 0, the {@linkplain #defaultTotalWindow default
     * window}, no position). The page size has no default: {@link Builder#page} sets it.
     */
    public static Builder builder(User caller) {
        return new Builder(caller);
    }

    /** Names the parts of a {@link ProjectQuery}; {@link #build} validates them as the record does. */
    public static final class Builder {
        private final User caller;
        private Set<Visibility> visibilities;
        private WorkspaceId workspace;
        private String search;
        private Boolean archived;
        private ProjectSort sort;
        private boolean ascending = true;
        private int limit;
        private long offset;
        private Integer totalWindow;
        private ProjectPosition after;

        private Builder(User caller) {
            this.caller = caller;
        }

        public Builder visibilities(Set<Visibility> visibilities) {
            this.visibilities = visibilities;
            return this;
        }

        /** Narrows the caller's own projects to one workspace (null: every workspace of theirs). */
        public Builder workspace(WorkspaceId workspace) {
            this.workspace = workspace;
            return this;
        }

        public Builder search(String search) {
            this.search = search;
            return this;
        }

        /** Only archived projects (true), only active ones (false), or both (null). */
        public Builder archived(Boolean archived) {
            this.archived = archived;
            return this;
        }

        public Builder sort(ProjectSort sort, boolean ascending) {
            this.sort = sort;
            this.ascending = ascending;
            return this;
        }

        public Builder page(int limit, long offset) {
            this.limit = limit;
            this.offset = offset;
            return this;
        }

        public Builder totalWindow(int totalWindow) {
            this.totalWindow = totalWindow;
            return this;
        }

        /** Continue after {@code position} (null: from the start); the offset must then be 0. */
        public Builder after(ProjectPosition position) {
            this.after = position;
            return this;
        }

        public ProjectQuery build() {
            return new ProjectQuery(
                    caller,
                    visibilities,
                    workspace,
                    search,
                    archived,
                    sort,
                    ascending,
                    limit,
                    offset,
                    totalWindow == null ? defaultTotalWindow(search) : totalWindow,
                    after);
        }
    }
}
