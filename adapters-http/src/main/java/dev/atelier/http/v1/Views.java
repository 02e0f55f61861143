package dev.atelier.http.v1;

import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;

/** The v1 wire shapes of domain objects (snake_case keys, ISO-8601 UTC timestamps). */
final class Views {
    private Views() {}

    /** A project; {@code current} adds {@code params} (the current params) when known. */
    static Map<String, Object> project(Project project, ParamVersion current) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", project.id().value());
        view.put("name", project.name());
        view.put("description", project.description());
        view.put("metadata", project.metadata());
        view.put("scope", project.scope().wire());
        view.put("workspace_id", project.workspaceId().value());
        view.put("type", project.type());
        view.put("status", project.status().wire());
        if (current != null) {
            view.put("params", current.params());
            view.put("params_version", current.version());
        }
        view.put("owner_id", project.ownerId().value());
        view.put("version", project.version());
        view.put("created_at", project.createdAt());
        view.put("updated_at", project.updatedAt());
        return view;
    }

    static Map<String, Object> workspace(Workspace workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.id().value());
        view.put("name", workspace.name());
        view.put("description", workspace.description());
        view.put("metadata", workspace.metadata());
        view.put("scope", workspace.scope().wire());
        view.put("owner_id", workspace.ownerId().value());
        view.put("is_default", workspace.defaultWorkspace());
        view.put("created_at", workspace.createdAt());
        view.put("updated_at", workspace.updatedAt());
        return view;
    }
}
