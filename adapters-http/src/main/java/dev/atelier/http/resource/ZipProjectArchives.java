package dev.atelier.http.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.collaboration.ProjectArchive;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP container of a {@link ProjectArchive}: {@code manifest.json} first, then every file.
 *
 * <p>Reading is defensive, streaming through {@link ZipInputStream} (sizes declared in the archive
 * are never trusted): at most {@link ProjectArchive#MAX_ENTRIES} entries, no duplicate names,
 * every name a safe relative path ({@link ProjectArchive#requireSafePath}: no zip-slip), each entry
 * at most {@link ProjectArchive#MAX_ENTRY_BYTES} and all together at most {@link
 * ProjectArchive#MAX_TOTAL_BYTES} as actually inflated, and no entry, nor the whole, inflating more
 * than {@link ProjectArchive#MAX_COMPRESSION_RATIO} times (a bomb). Directory entries are checked
 * and skipped. Nothing is ever written to disk.
 */
public final class ZipProjectArchives {
    /** Ratios are only judged above this size, so that tiny, very regular files are not bombs. */
    static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private final ObjectMapper json;

    public ZipProjectArchives(ObjectMapper json) {
        this.json = json;
    }

    public byte[] write(ProjectArchive archive) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ProjectArchive.MANIFEST));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(archive.manifest()));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> file : archive.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing an in-memory ZIP failed", e);
        }
        return out.toByteArray();
    }

    public ProjectArchive read(byte[] zipBytes) {
        if (zipBytes == null || zipBytes.length == 0) {
            throw new InvalidInputException("the request carries no ZIP archive");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] manifest = null;
        int entries = 0;
        long total = 0;
        ByteArrayInputStream raw = new ByteArrayInputStream(zipBytes);
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (entries > ProjectArchive.MAX_ENTRIES) {
                    throw new InvalidInputException(
                            "the archive has more than " + ProjectArchive.MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    ProjectArchive.requireSafePath(name.substring(0, name.length() - 1));
                    continue;
                }
                ProjectArchive.requireSafePath(name);
                byte[] content = readBounded(zip, name, total, () -> zipBytes.length - raw.available());
                total += content.length;
                if (total > ProjectArchive.MAX_TOTAL_BYTES) {
                    throw new PayloadTooLargeException(
                            "the archive inflates to more than " + ProjectArchive.MAX_TOTAL_BYTES + " bytes");
                }
                long compressed = entry.getCompressedSize();
                if (content.length > RATIO_FLOOR_BYTES
                        && compressed > 0
                        && content.length / compressed > ProjectArchive.MAX_COMPRESSION_RATIO) {
                    throw bomb();
                }
                if (total > RATIO_FLOOR_BYTES && total / zipBytes.length > ProjectArchive.MAX_COMPRESSION_RATIO) {
                    throw bomb();
                }
                if (name.equals(ProjectArchive.MANIFEST)) {
                    if (manifest != null) {
                        throw duplicate(name);
                    }
                    manifest = content;
                } else if (files.putIfAbsent(name, content) != null) {
                    throw duplicate(name);
                }
            }
        } catch (ZipException e) {
            throw new InvalidInputException("the body is not a readable ZIP archive");
        } catch (IOException e) {
            throw new InvalidInputException("the ZIP archive could not be read");
        }
        if (entries == 0) {
            throw new InvalidInputException("the body is not a ZIP archive (no entries found)");
        }
        if (manifest == null) {
            throw new InvalidInputException("the archive has no " + ProjectArchive.MANIFEST);
        }
        return new ProjectArchive(parseManifest(manifest), files);
    }

    private Map<String, Object> parseManifest(byte[] manifest) {
        try {
            Object parsed = json.readValue(manifest, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new InvalidInputException(ProjectArchive.MANIFEST + " must hold a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(ProjectArchive.MANIFEST + " is not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new InvalidInputException(ProjectArchive.MANIFEST + " could not be read");
        }
    }

    /**
     * Reads one entry, stopping as soon as it passes the entry limit, or as soon as everything
     * inflated so far passes the ratio against the compressed bytes consumed so far (a bomb is
     * caught after a few megabytes, not after the limit).
     */
    private static byte[] readBounded(InputStream in, String name, long before, LongSupplier consumed)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > ProjectArchive.MAX_ENTRY_BYTES) {
                throw new PayloadTooLargeException("the archive entry '" + dev.atelier.domain.model.Text.clip(name, 80)
                        + "' inflates to more than " + ProjectArchive.MAX_ENTRY_BYTES + " bytes");
            }
            long inflated = before + size;
            if (inflated > RATIO_FLOOR_BYTES
                    && inflated / Math.max(1, consumed.getAsLong()) > ProjectArchive.MAX_COMPRESSION_RATIO) {
                throw bomb();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static PayloadTooLargeException bomb() {
        return new PayloadTooLargeException("the archive inflates more than " + ProjectArchive.MAX_COMPRESSION_RATIO
                + " times its compressed size; it looks like a ZIP bomb");
    }

    private static InvalidInputException duplicate(String name) {
        return new InvalidInputException(
                "the archive contains the entry '" + dev.atelier.domain.model.Text.clip(name, 80) + "' twice");
    }
}
