package dev.atelier.application.collaboration;

import dev.atelier.application.exchange.ProjectTables;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs a project the caller can read into a {@link ProjectArchive}: the manifest with the
 * project, its params history and the list of documents, plus every document's original bytes
 * under {@code documents/NNNN/<filename>}. Members and the timeline stay behind (an import belongs
 * to the importer). Records "exported". Needs viewer.
 */
public final class ExportProjectArchive {
    private final ProjectAccess access;
    private final ParamHistoryRepository params;
    private final DocumentRepository documents;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final Clock clock;

    public ExportProjectArchive(
            ProjectAccess access,
            ParamHistoryRepository params,
            DocumentRepository documents,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        this.access = access;
        this.params = params;
        this.documents = documents;
        this.timeline = timeline;
        this.uow = uow;
        this.clock = clock;
    }

    public record Command(User caller, String projectId) {}

    public record Exported(Project project, ProjectArchive archive) {}

    public Exported execute(Command c) {
        return uow.inTransaction(() -> {
            Project project =
                    access.require(c.caller(), c.projectId(), Role.VIEWER).project();
            List<ParamVersion> history = params.history(project.id());
            List<Document> docs = documents.list(project.id());
            Map<String, byte[]> files = new LinkedHashMap<>();
            List<Object> documentEntries = new ArrayList<>();
            int n = 0;
            for (Document d : docs) {
                n++;
                String path = String.format("documents/%04d/%s", n, pathSegment(d.filename()));
                files.put(path, d.content());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", path);
                entry.put("filename", d.filename());
                entry.put("media_type", d.mediaType());
                entry.put("size_bytes", d.sizeBytes());
                entry.put("sha256", d.sha256());
                entry.put("rows", d.rows());
                entry.put("columns", d.columns());
                entry.put("pages", d.pages());
                entry.put("dataset", d.dataset());
                entry.put("created_at", d.createdAt().toString());
                documentEntries.add(entry);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", ProjectArchive.FORMAT);
            manifest.put("format_version", ProjectArchive.FORMAT_VERSION);
            manifest.put("exported_at", clock.instant().toString());
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("project_id", project.id().value());
            source.put("workspace_id", project.workspaceId().value());
            manifest.put("source", source);
            manifest.put("project", describe(project));
            manifest.put(
                    "param_history",
                    history.stream().map(ExportProjectArchive::describe).toList());
            manifest.put("documents", documentEntries);
            timeline.record(
                    project.id(), EventType.EXPORTED, project.name(), c.caller(), Map.of("documents", docs.size()));
            return new Exported(project, new ProjectArchive(manifest, files));
        });
    }

    /** A filename as one harmless archive path segment (the manifest keeps the real name). */
    static String pathSegment(String filename) {
        String cleaned = filename.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "file" : cleaned;
    }

    private static Map<String, Object> describe(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("metadata", p.metadata());
        m.put("type", p.type());
        m.put("status", p.status().wire());
        m.put("scope", p.scope().wire());
        m.put("labeling", ProjectTables.labelingObject(p.labeling()));
        return m;
    }

    private static Map<String, Object> describe(ParamVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("params", v.params());
        m.put("instruction", v.instruction());
        m.put("created_at", v.createdAt().toString());
        return m;
    }
}
