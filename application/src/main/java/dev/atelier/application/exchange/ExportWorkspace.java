package dev.atelier.application.exchange;

import dev.atelier.application.project.Timeline;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exports a workspace the caller can see as an {@code atelier.workspace} object: the workspace row
 * (workspace-level table) and the five project tables of the projects in it. {@code scope} user
 * takes the caller's own projects in the workspace; organization adds the organization-scoped
 * projects of colleagues that live there.
 *
 * <p>Streaming: {@link #prepare} decides access and fixes the list of project ids (the only thing
 * held for the whole export, O(projects)); {@link Prepared#writeTo} then streams table by table,
 * reading {@link ProjectTables#BATCH} projects per batch read, without a long-running transaction.
 * Projects deleted meanwhile drop out of every table; rows stay consistent with each other.
 */
public final class ExportWorkspace {
    private static final int PAGE = 500;

    private final Workspaces workspaces;
    private final ProjectRepository projects;
    private final ProjectTables tables;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final Clock clock;

    public ExportWorkspace(
            Workspaces workspaces,
            ProjectRepository projects,
            ProjectTables tables,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        this.workspaces = workspaces;
        this.projects = projects;
        this.tables = tables;
        this.timeline = timeline;
        this.uow = uow;
        this.clock = clock;
    }

    public record Command(User caller, String workspace, Scope scope) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            scope = scope == null ? Scope.USER : scope;
        }
    }

    /** An authorized export, ready to be written; cheap to hold. */
    public final class Prepared {
        private final Command command;
        private final Workspace workspace;
        private final List<ProjectId> ids;

        private Prepared(Command command, Workspace workspace, List<ProjectId> ids) {
            this.command = command;
            this.workspace = workspace;
            this.ids = ids;
        }

        public Workspace workspace() {
            return workspace;
        }

        public int projectCount() {
            return ids.size();
        }

        /** Writes the whole export object to {@code sink} and records an "exported" event per project. */
        public void writeTo(ExportSink sink) {
            String now = clock.instant().toString();
            sink.field("format", ExportFormat.WORKSPACE_FORMAT);
            sink.field("format_version", ExportFormat.VERSION);
            sink.field("workspace_id", workspace.id().value());
            sink.field("scope", command.scope().wire());
            sink.field("extraction_timestamp", now);
            sink.field("exported_at", now);
            Map<String, Object> database = new LinkedHashMap<>();
            database.put("system", "atelier");
            database.put("format", ExportFormat.WORKSPACE_FORMAT);
            database.put("format_version", ExportFormat.VERSION);
            sink.field("database_info", database);
            sink.field("workspace_level_tables", ExportFormat.WORKSPACE_LEVEL_TABLES);
            sink.field("project_tables", ExportFormat.PROJECT_TABLES);
            Map<String, List<Map<String, Object>>> leading = new LinkedHashMap<>();
            leading.put(ExportFormat.WORKSPACES, List.of(ProjectTables.workspaceRow(workspace)));
            Map<String, Long> counts = tables.write(ids, leading, sink);
            sink.field("summary", ProjectTables.summary(counts));
            // the exported events: one batch read and one batch of inserts per BATCH projects
            uow.run(() -> {
                for (List<ProjectId> batch : ProjectTables.batches(ids)) {
                    timeline.recordAll(
                            projects.findByIds(batch),
                            EventType.EXPORTED,
                            command.caller(),
                            Map.of("format", ExportFormat.WORKSPACE_FORMAT));
                }
            });
        }
    }

    public Prepared prepare(Command c) {
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());
        Set<Visibility> visibilities = c.scope() == Scope.ORGANIZATION
                ? EnumSet.of(Visibility.USER, Visibility.ORGANIZATION)
                : EnumSet.of(Visibility.USER);
        List<ProjectId> ids = new ArrayList<>();
        long offset = 0;
        while (true) {
            Page<Project> page = projects.search(ProjectQuery.builder(c.caller())
                    .visibilities(visibilities)
                    .workspace(workspace.id())
                    .sort(ProjectSort.CREATED_AT, true)
                    .page(PAGE, offset)
                    .build());
            for (Project p : page.items()) {
                if (p.workspaceId().equals(workspace.id())) {
                    ids.add(p.id());
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        return new Prepared(c, workspace, ids);
    }

    /** The whole export as one object (small workspaces, tests). */
    public Map<String, Object> execute(Command c) {
        MapExportSink sink = new MapExportSink();
        prepare(c).writeTo(sink);
        return sink.result();
    }
}
