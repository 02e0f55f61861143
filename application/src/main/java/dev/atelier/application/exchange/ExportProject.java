package dev.atelier.application.exchange;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exports one project the caller can read (viewer or more) as an {@code atelier.project} object:
 * the project, its params history, members, documents (text and original bytes) and events, read
 * in one transaction; records an "exported" event on the project.
 */
public final class ExportProject {
    private final ProjectAccess access;
    private final Workspaces workspaces;
    private final ProjectTables tables;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final Clock clock;

    public ExportProject(
            ProjectAccess access,
            Workspaces workspaces,
            ProjectTables tables,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        this.access = access;
        this.workspaces = workspaces;
        this.tables = tables;
        this.timeline = timeline;
        this.uow = uow;
        this.clock = clock;
    }

    /** @param workspace the workspace the request named; an alias means "wherever it is" */
    public record Command(User caller, String workspace, String projectId, Scope scope) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            if (projectId == null || projectId.isBlank()) {
                throw new InvalidInputException("project_id is required");
            }
            scope = scope == null ? Scope.USER : scope;
        }
    }

    public Map<String, Object> execute(Command c) {
        Optional<Workspace> explicit = workspaces.meansDefault(c.workspace())
                ? Optional.empty()
                : Optional.of(workspaces.resolve(c.caller(), c.workspace()));
        return uow.inTransaction(() -> {
            Project project = access.require(c.caller(), c.projectId(), Role.VIEWER, explicit)
                    .project();
            MapExportSink sink = new MapExportSink();
            sink.field("format", ExportFormat.PROJECT_FORMAT);
            sink.field("format_version", ExportFormat.VERSION);
            sink.field("exported_at", clock.instant().toString());
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("workspace_id", project.workspaceId().value());
            source.put("project_id", project.id().value());
            source.put("scope", c.scope().wire());
            sink.field("source", source);
            Map<String, Long> counts = tables.write(List.of(project.id()), Map.of(), sink);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>)
                    ((Map<String, Object>) sink.result().get("tables")).get("projects");
            Map<String, Object> result = new LinkedHashMap<>();
            sink.result().forEach((k, v) -> {
                if (k.equals("tables")) {
                    result.put("project", rows.isEmpty() ? Map.of() : rows.get(0));
                }
                result.put(k, v);
            });
            result.put("summary", ProjectTables.summary(counts));
            timeline.record(
                    project.id(),
                    EventType.EXPORTED,
                    project.name(),
                    c.caller(),
                    Map.of("format", ExportFormat.PROJECT_FORMAT));
            return result;
        });
    }
}
