package dev.atelier.application.exchange;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.UnitOfWork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a workspace export ({@code atelier.workspace}, or a single {@code atelier.project}) into a
 * workspace the caller can use: every project of it, validated as a whole first, then written in
 * one transaction (all or nothing) with new ids, unique names, the caller as owner. The
 * workspace-level rows describe the source and are not imported: the target workspace stays as it
 * is. Reads the export row by row (twice), so the heap holds O(projects) ids, never the whole
 * export, when the source streams.
 */
public final class ImportWorkspace {
    private final Workspaces workspaces;
    private final ProjectImporter importer;
    private final UnitOfWork uow;

    public ImportWorkspace(Workspaces workspaces, ProjectImporter importer, UnitOfWork uow) {
        this.workspaces = workspaces;
        this.importer = importer;
        this.uow = uow;
    }

    /** @param scope the imported projects' scope; null keeps the exported ones */
    public record Command(User caller, String workspace, ExportSource source, Scope scope) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(source, "source");
        }

        /** A command over an export already parsed into maps and lists. */
        public static Command of(User caller, String workspace, Object exportData, Scope scope) {
            return new Command(caller, workspace, new MapExportSource(exportData, "export_data"), scope);
        }
    }

    /** @return the summary: projects_imported, rows per table, members_dropped, project_ids … */
    public Map<String, Object> execute(Command c) {
        ProjectImporter.Plan plan = importer.validate(
                c.source(), "export_data", List.of(ExportFormat.WORKSPACE_FORMAT, ExportFormat.PROJECT_FORMAT), false);
        Workspace target = workspaces.resolve(c.caller(), c.workspace());
        ProjectImporter.Result result = uow.inTransaction(() -> importer.write(
                plan,
                c.source(),
                new ProjectImporter.Target(c.caller(), target, c.scope(), null, true, EventType.IMPORTED)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("workspace_id", target.id().value());
        summary.putAll(result.summary());
        return summary;
    }
}
