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
        long offset) {

    public static final int MAX_LIMIT = 500;

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
    }
}
