package dev.atelier.application.collaboration;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A project archive as plain data: the manifest (a JSON-like map, serialized as {@code
 * manifest.json}) and the other files by their path inside the archive. The ZIP container and the
 * JSON text are the HTTP adapter's business; the manifest's content and every rule about it are
 * decided here, so the format is defined (and tested) in one place.
 *
 * <p>Manifest, format version 1: {@code {format: "atelier.project.archive", format_version: 1,
 * exported_at, source {project_id, workspace_id}, project {name, description, metadata, type,
 * status, scope, labeling {rapid, studio, pipeline, consensus_attempts, dataset_id, pinned}},
 * param_history [{version, params, instruction?, created_at}], documents [{path, filename,
 * media_type, size_bytes, sha256, rows?, columns?, pages?, dataset, created_at}]}}.
 */
public record ProjectArchive(Map<String, Object> manifest, Map<String, byte[]> files) {
    public static final String FORMAT = "atelier.project.archive";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";

    /** At most this many entries in one archive, the manifest included. */
    public static final int MAX_ENTRIES = 1_000;
    /** At most this many bytes in one entry once uncompressed. */
    public static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;
    /** At most this many bytes in all entries together once uncompressed. */
    public static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;
    /** An entry that inflates more than this many times its compressed size is treated as a bomb. */
    public static final int MAX_COMPRESSION_RATIO = 100;

    public ProjectArchive {
        Objects.requireNonNull(manifest, "manifest");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        if (files != null) {
            files.forEach((path, bytes) -> copy.put(requireSafePath(path), Objects.requireNonNull(bytes, path)));
        }
        if (copy.size() + 1 > MAX_ENTRIES) {
            throw new InvalidInputException("the archive has more than " + MAX_ENTRIES + " entries");
        }
        files = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns a path inside an archive unchanged when it is safe to use as a relative path: not
     * empty, at most 512 characters, '/'-separated, no backslash, no absolute path or drive letter,
     * no empty, '.' or '..' segment, no control character. Throws otherwise (zip-slip and friends).
     */
    public static String requireSafePath(String path) {
        if (path == null || path.isEmpty() || path.length() > 512) {
            throw unsafe(path);
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            throw unsafe(path);
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                throw unsafe(path);
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw unsafe(path);
            }
        }
        return path;
    }

    private static InvalidInputException unsafe(String path) {
        return new InvalidInputException("the archive contains an unsafe entry path '" + Text.clip(path, 80)
                + "' (absolute, '..', backslash, drive letter or empty segment)");
    }
}
