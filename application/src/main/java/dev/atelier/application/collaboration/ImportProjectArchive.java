package dev.atelier.application.collaboration;

import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.TextExtractor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ProjectArchive} (as {@link ExportProjectArchive} writes it) into a new project of
 * the caller, in the given workspace (an alias or null: the default one). Everything is validated
 * before anything is written: the format and version, every manifest field, params versions 0..n
 * without gaps, every document's path, size and SHA-256 against the archived bytes, and no archive
 * entry left unexplained. Documents go through the {@link TextExtractor} again (outside the
 * transaction): nothing the archive claims about content is trusted. Then one transaction writes
 * the project under a new id (the name made unique), its params history, the caller as owner, the
 * documents and an "imported" event.
 */
public final class ImportProjectArchive {
    public static final int MAX_PARAM_VERSIONS = 10_000;

    private final TextExtractor extractor;
    private final ProjectStores stores;
    private final Workspaces workspaces;
    private final UniqueNames names;
    private final Bookkeeping books;

    public ImportProjectArchive(
            ProjectStores stores,
            TextExtractor extractor,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        this.extractor = extractor;
        this.stores = stores;
        this.workspaces = workspaces;
        this.names = names;
        this.books = books;
    }

    public record Command(User caller, String workspace, ProjectArchive archive) {
        public Command {
            if (archive == null) {
                throw new InvalidInputException("an archive is required");
            }
        }
    }

    private record ArchivedProject(
            String name,
            String description,
            Map<String, Object> metadata,
            String type,
            ProjectStatus status,
            Scope scope,
            LabelingOptions labeling) {}

    private record ArchivedDocument(String path, String filename, byte[] content, Instant createdAt) {}

    public Project execute(Command c) {
        Map<String, Object> manifest = c.archive().manifest();
        Object format = manifest.get("format");
        if (!ProjectArchive.FORMAT.equals(format)) {
            throw new InvalidInputException("manifest.json: format must be '" + ProjectArchive.FORMAT + "'");
        }
        Object version = manifest.get("format_version");
        if (!(version instanceof Number n) || n.doubleValue() != ProjectArchive.FORMAT_VERSION) {
            throw new InvalidInputException("manifest.json: unsupported format_version "
                    + Text.clip(String.valueOf(version), 20) + "; this server reads version "
                    + ProjectArchive.FORMAT_VERSION);
        }
        ArchivedProject project = project(object(manifest, "project", "manifest.json"));
        String sourceId =
                manifest.get("source") instanceof Map<?, ?> source && source.get("project_id") instanceof String id
                        ? Text.clip(id, 64)
                        : null;
        List<ParamVersion> history = history(manifest.get("param_history"));
        List<ArchivedDocument> docs =
                documents(manifest.get("documents"), c.archive().files());
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());

        List<ExtractedDocument> extracted = new ArrayList<>();
        for (ArchivedDocument d : docs) {
            extracted.add(extractor.extract(d.filename(), d.content()));
        }

        // a concurrent writer may take the chosen name first: choose again in a new transaction
        return UniqueNames.withFreeName(() -> books.uow().inTransaction(() -> {
            Instant now = books.clock().instant();
            String name = names.firstFree(workspace.id(), c.caller().id(), project.name());
            Project created = new Project(
                    new ProjectId(books.ids().newId()),
                    workspace.id(),
                    name,
                    project.description(),
                    project.metadata(),
                    project.type(),
                    project.status(),
                    project.scope(),
                    c.caller().id(),
                    c.caller().organization(),
                    project.labeling(),
                    0,
                    now,
                    now,
                    0);
            stores.projects().insert(created);
            for (ParamVersion v : history) {
                stores.params().append(created.id(), v);
            }
            if (history.isEmpty()) {
                stores.params().append(created.id(), ParamVersion.initial(Map.of(), null, now));
            }
            stores.members().save(new Member(created.id(), c.caller().id(), Role.OWNER, now));
            for (int i = 0; i < docs.size(); i++) {
                ArchivedDocument d = docs.get(i);
                ExtractedDocument x = extracted.get(i);
                stores.documents()
                        .insert(Document.fromExtraction(
                                books.ids().newId(),
                                created.id(),
                                d.filename(),
                                d.content(),
                                x,
                                d.createdAt() == null ? now : d.createdAt()));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            if (sourceId != null) {
                details.put("source_project_id", sourceId);
            }
            details.put("documents", docs.size());
            details.put("param_versions", Math.max(1, history.size()));
            books.timeline().record(created.id(), EventType.IMPORTED, created.name(), c.caller(), details);
            return stores.projects().findById(created.id()).orElse(created);
        }));
    }

    private ArchivedProject project(Map<String, Object> p) {
        String where = "manifest.json: project.";
        Map<String, Object> l = p.get("labeling") == null ? Map.of() : object(p, "labeling", "manifest.json: project");
        try {
            LabelingOptions labeling = new LabelingOptions(
                    bool(l.get("rapid"), where + "labeling.rapid"),
                    bool(l.get("studio"), where + "labeling.studio"),
                    string(l.get("pipeline"), where + "labeling.pipeline"),
                    integer(l.get("consensus_attempts"), where + "labeling.consensus_attempts"),
                    string(l.get("dataset_id"), where + "labeling.dataset_id"),
                    Boolean.TRUE.equals(bool(l.get("pinned"), where + "labeling.pinned")));
            Object metadata = p.get("metadata");
            if (metadata != null && !(metadata instanceof Map)) {
                throw new InvalidInputException(where + "metadata must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) metadata;
            return new ArchivedProject(
                    Text.name(where + "name", string(p.get("name"), where + "name")),
                    Text.optional(where + "description", string(p.get("description"), where + "description"), 10_000),
                    dev.atelier.domain.model.JsonObjects.object(where + "metadata", meta),
                    string(p.get("type"), where + "type"),
                    ProjectStatus.parse(string(p.get("status"), where + "status")),
                    Scope.parse(string(p.get("scope"), where + "scope")),
                    labeling);
        } catch (InvalidInputException e) {
            if (e.getMessage().startsWith("manifest.json")) {
                throw e;
            }
            throw new InvalidInputException("manifest.json: project: " + e.getMessage());
        }
    }

    private static List<ParamVersion> history(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException("manifest.json: param_history must be an array");
        }
        if (list.size() > MAX_PARAM_VERSIONS) {
            throw new InvalidInputException(
                    "manifest.json: param_history has more than " + MAX_PARAM_VERSIONS + " versions");
        }
        List<ParamVersion> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "manifest.json: param_history[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                throw new InvalidInputException(where + " must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) raw;
            Integer version = integer(entry.get("version"), where + ".version");
            if (version == null || version != i) {
                throw new InvalidInputException(
                        where + ".version must be " + i + " (versions count 0, 1, 2, … without gaps)");
            }
            Object paramsValue = entry.get("params");
            if (paramsValue != null && !(paramsValue instanceof Map)) {
                throw new InvalidInputException(where + ".params must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) paramsValue;
            try {
                result.add(new ParamVersion(
                        i,
                        values,
                        string(entry.get("instruction"), where + ".instruction"),
                        instant(entry.get("created_at"), where + ".created_at")));
            } catch (InvalidInputException e) {
                throw e.getMessage().startsWith("manifest.json")
                        ? e
                        : new InvalidInputException(where + ": " + e.getMessage());
            }
        }
        return result;
    }

    private static List<ArchivedDocument> documents(Object value, Map<String, byte[]> files) {
        List<?> list;
        if (value == null) {
            list = List.of();
        } else if (value instanceof List<?> l) {
            list = l;
        } else {
            throw new InvalidInputException("manifest.json: documents must be an array");
        }
        List<ArchivedDocument> result = new ArrayList<>();
        Set<String> used = new HashSet<>();
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            String where = "manifest.json: documents[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                throw new InvalidInputException(where + " must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) raw;
            String path = string(entry.get("path"), where + ".path");
            if (path == null) {
                throw new InvalidInputException(where + ".path is required");
            }
            ProjectArchive.requireSafePath(path);
            byte[] content = files.get(path);
            if (content == null) {
                throw new InvalidInputException(where + ".path '" + Text.clip(path, 80) + "' is not in the archive");
            }
            if (!used.add(path)) {
                throw new InvalidInputException(where + ".path '" + Text.clip(path, 80) + "' is listed twice");
            }
            if (content.length == 0) {
                throw new InvalidInputException(where + " is an empty file");
            }
            Object size = entry.get("size_bytes");
            if (size != null && (!(size instanceof Number n) || n.longValue() != content.length)) {
                throw new InvalidInputException(where + ".size_bytes does not match the archived file");
            }
            String sha = string(entry.get("sha256"), where + ".sha256");
            if (sha != null && !sha.equalsIgnoreCase(Document.sha256Of(content))) {
                throw new InvalidInputException(where + ".sha256 does not match the archived file");
            }
            total += content.length;
            if (total > ProjectArchive.MAX_TOTAL_BYTES) {
                throw new InvalidInputException(
                        "the archive's documents exceed " + ProjectArchive.MAX_TOTAL_BYTES + " bytes");
            }
            String filename = string(entry.get("filename"), where + ".filename");
            Object createdAt = entry.get("created_at");
            result.add(new ArchivedDocument(
                    path,
                    Document.safeFilename(filename == null ? path : filename),
                    content,
                    createdAt == null ? null : instant(createdAt, where + ".created_at")));
        }
        for (String path : files.keySet()) {
            if (!used.contains(path)) {
                throw new InvalidInputException("the archive entry '" + Text.clip(path, 80)
                        + "' is not listed in manifest.json (only manifest.json and its documents may be present)");
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key, String where) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new InvalidInputException(where + "." + key + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static String string(Object value, String where) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidInputException(where + " must be a string");
    }

    private static Boolean bool(Object value, String where) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidInputException(where + " must be true or false");
    }

    private static Integer integer(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e9) {
            return n.intValue();
        }
        throw new InvalidInputException(where + " must be an integer");
    }

    private static Instant instant(Object value, String where) {
        if (!(value instanceof String s)) {
            throw new InvalidInputException(where + " must be an ISO-8601 timestamp");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(where + " must be an ISO-8601 timestamp like 2026-02-28T14:30:00Z");
        }
    }
}
