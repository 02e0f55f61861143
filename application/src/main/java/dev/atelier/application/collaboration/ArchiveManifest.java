package dev.atelier.application.collaboration;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link ProjectArchive}'s manifest says, validated in full before anything is written: the
 * format and version, every project field, params versions 0..n without gaps, every document's
 * path, size and SHA-256 against the archived bytes, and no archive entry left unexplained.
 *
 * @param project the archived project's fields
 * @param sourceId the id the project had where it was exported (clipped), or null
 * @param history the params versions, oldest first (empty: none archived)
 * @param documents the archived documents with their bytes, in manifest order
 */
record ArchiveManifest(
        ArchivedProject project, String sourceId, List<ParamVersion> history, List<ArchivedDocument> documents) {
    record ArchivedProject(
            String name,
            String description,
            Map<String, Object> metadata,
            String type,
            ProjectStatus status,
            Scope scope,
            LabelingOptions labeling) {}

    record ArchivedDocument(String path, String filename, byte[] content, Instant createdAt) {}

    /**
     * The archive's manifest, read and checked in full; the first problem found is a 400 that
     * names the manifest field ("manifest.json: documents[2].sha256 does not match ...").
     */
    static ArchiveManifest read(ProjectArchive archive) {
        Map<String, Object> manifest = archive.manifest();
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
        ArchivedProject project = readProject(object(manifest, "project", "manifest.json"));
        String sourceId =
                manifest.get("source") instanceof Map<?, ?> source && source.get("project_id") instanceof String id
                        ? Text.clip(id, 64)
                        : null;
        List<ParamVersion> history = readHistory(manifest.get("param_history"));
        List<ArchivedDocument> docs = readDocuments(manifest.get("documents"), archive.files());
        return new ArchiveManifest(project, sourceId, history, docs);
    }

    private static ArchivedProject readProject(Map<String, Object> p) {
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

    private static List<ParamVersion> readHistory(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException("manifest.json: param_history must be an array");
        }
        if (list.size() > ImportProjectArchive.MAX_PARAM_VERSIONS) {
            throw new InvalidInputException("manifest.json: param_history has more than "
                    + ImportProjectArchive.MAX_PARAM_VERSIONS + " versions");
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

    private static List<ArchivedDocument> readDocuments(Object value, Map<String, byte[]> files) {
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
