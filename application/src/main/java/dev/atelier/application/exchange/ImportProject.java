package dev.atelier.application.exchange;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports an {@code atelier.project} export into a workspace the caller can use. The whole object
 * is validated first (nothing is written when anything is wrong); then, in one transaction, the
 * project is stored with new ids, a name kept unique for the caller in the target, the caller as
 * owner, members matched by email (unknown ones dropped and counted), and an "imported" event.
 */
public final class ImportProject {
    private final Workspaces workspaces;
    private final ProjectImporter importer;
    private final ParamHistoryRepository params;
    private final UnitOfWork uow;

    public ImportProject(
            Workspaces workspaces, ProjectImporter importer, ParamHistoryRepository params, UnitOfWork uow) {
        this.workspaces = workspaces;
        this.importer = importer;
        this.params = params;
        this.uow = uow;
    }

    /**
     * @param exportData the export object as parsed JSON (maps, lists, scalars)
     * @param scope the new project's scope; null keeps the exported one
     */
    public record Command(User caller, String workspace, Object exportData, Scope scope) {
        public Command {
            Objects.requireNonNull(caller, "caller");
        }
    }

    public record Imported(Project project, List<ParamVersion> paramHistory, Map<String, Object> summary) {}

    public Imported execute(Command c) {
        ExportSource source = new MapExportSource(c.exportData(), "export_data");
        ProjectImporter.Plan plan =
                importer.validate(source, "export_data", List.of(ExportFormat.PROJECT_FORMAT), true);
        Workspace target = workspaces.resolve(c.caller(), c.workspace());
        return uow.inTransaction(() -> {
            ProjectImporter.Result result = importer.write(
                    plan,
                    source,
                    new ProjectImporter.Target(c.caller(), target, c.scope(), null, true, EventType.IMPORTED));
            Project project = result.first();
            return new Imported(project, params.history(project.id()), result.summary());
        });
    }
}
