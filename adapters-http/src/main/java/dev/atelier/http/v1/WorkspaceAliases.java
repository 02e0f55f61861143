package dev.atelier.http.v1;

import java.util.Set;

/**
 * What clients of the v1 dialect write instead of a workspace id to mean "my default workspace":
 * the path placeholder of the API's own examples, taken literally ({@code /api/v1/projects/workspace_id/list}),
 * and {@code default}. The application is handed these spellings; it knows no dialect.
 */
public final class WorkspaceAliases {
    public static final Set<String> DEFAULT_WORKSPACE = Set.of("workspace_id", "default");

    private WorkspaceAliases() {}
}
