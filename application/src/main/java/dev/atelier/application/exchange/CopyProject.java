package dev.atelier.application.exchange;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a project the caller can read into a workspace the caller can use: export + import inside
 * one installation and one transaction, through the in-memory tables (no JSON text). Same content,
 * params history and documents; new ids; the caller becomes owner; the name is kept unique in the
 * target with a numbered suffix. Members and the timeline are not copied: the copy is the caller's
 * (invite people to it as needed) and its timeline starts with a "copied" event.
 *
 * <p>It lives beside the exporter and importer it is made of: exchange depends on project (access,
 * timeline, unique names), never the other way round.
 */
public final class CopyProject {
    private final ProjectAccess access;
    private final Workspaces workspaces;
    private final ProjectTables tables;
    private final ProjectImporter importer;
    private final UnitOfWork uow;

    public CopyProject(
            ProjectAccess access,
            Workspaces workspaces,
            ProjectTables tables,
            ProjectImporter importer,
            UnitOfWork uow) {
        this.access = access;
        this.workspaces = workspaces;
        this.tables = tables;
        this.importer = importer;
        this.uow = uow;
    }

    /**
     * @param sourceWorkspace where the project lives, when the request names it (an alias: anywhere)
     * @param targetWorkspace where the copy goes (an alias: the caller's default workspace)
     * @param targetScope the copy's scope; null keeps the original's
     */
    public record Command(
            User caller,
            String projectId,
            String sourceWorkspace,
            String targetWorkspace,
            String newName,
            Scope targetScope) {
        public Command {
            if (newName != null && newName.isBlank()) {
                newName = null;
            }
            if (newName != null) {
                newName = Text.name("the new name", newName);
            }
        }
    }

    public Project execute(Command c) {
        Optional<Workspace> source = workspaces.meansDefault(c.sourceWorkspace())
                ? Optional.empty()
                : Optional.of(workspaces.resolve(c.caller(), c.sourceWorkspace()));
        Workspace target = workspaces.resolve(c.caller(), c.targetWorkspace());
        return uow.inTransaction(() -> {
            Project original = access.require(c.caller(), c.projectId(), Role.VIEWER, source)
                    .project();
            MapExportSink sink = new MapExportSink();
            sink.field("format", ExportFormat.PROJECT_FORMAT);
            sink.field("format_version", ExportFormat.VERSION);
            tables.write(List.of(original.id()), Map.of(), sink);
            MapExportSource exported = new MapExportSource(sink.result(), "copy");
            ProjectImporter.Plan plan = importer.validate(exported, "copy", List.of(ExportFormat.PROJECT_FORMAT), true);
            return importer.write(
                            plan,
                            exported,
                            new ProjectImporter.Target(
                                    c.caller(), target, c.targetScope(), c.newName(), false, EventType.COPIED))
                    .first();
        });
    }
}
