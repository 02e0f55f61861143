package dev.atelier.http.v1;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportFormat;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.http.limits.UploadArea;
import dev.atelier.http.limits.UploadGate;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Spools workspace import bodies to a file in the server's {@link UploadArea} as they arrive
 * (bounded by {@code micronaut.server.max-request-size}, the limit of every body, counted while
 * streaming whatever the framing) and reads them back as a streaming {@link JsonFileExportSource}:
 * the import then holds one row at a time, never the whole export. The file is deleted when the
 * request ends; one left by a killed server is swept at the next start.
 */
@Singleton
final class SpooledImports {
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final UploadArea area;
    private final UploadGate gate;

    /** Outside a server (tests, fuzzing): a private upload area in a new temporary directory, one place. */
    SpooledImports(ObjectMapper mapper, long maxBytes) {
        this(mapper, UploadArea.temporary(), UploadGate.ofOne(), maxBytes);
    }

    @Inject
    SpooledImports(
            ObjectMapper mapper,
            UploadArea area,
            UploadGate gate,
            @Value("${micronaut.server.max-request-size}") long maxBytes) {
        this.area = area;
        this.gate = gate;
        // the server's ObjectMapper rules, with room for one document's base64 per string; the size
        // of the whole body is bounded here, while spooling, not by the parser
        this.mapper = mapper.copy();
        // values are read one at a time from the middle of the document
        this.mapper.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // nesting depth and number lengths stay those of atelier.json (JsonConfiguration)
        StreamReadConstraints server = this.mapper.getFactory().streamReadConstraints();
        this.mapper
                .getFactory()
                .setStreamReadConstraints(server.rebuild()
                        .maxStringLength((int) (ExportFormat.MAX_DOCUMENT_BYTES / 3 * 4 + 1024))
                        .maxDocumentLength(-1)
                        .build());
        this.maxBytes = maxBytes;
    }

    /**
     * Runs {@code work} on {@code body} spooled to disk, within a place of the {@link UploadGate}
     * (taken before the body is read); the file is deleted when the work ends, however it ends.
     */
    <T> T withSpooled(InputStream body, Function<JsonFileExportSource, T> work) {
        try (UploadGate.Place place = gate.enter()) {
            JsonFileExportSource source = spool(body);
            try {
                return work.apply(source);
            } finally {
                source.delete();
            }
        } finally {
            closeQuietly(body);
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the body was read to its end or refused: nothing left to release
        }
    }

    JsonFileExportSource spool(InputStream body) {
        Path file = area.newFile("import-", ".json");
        try {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = body;
                    OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new JsonFileExportSource(mapper, file);
        } catch (IOException e) {
            delete(file);
            if (exceededLimit(e)) {
                throw tooLarge();
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            if (exceededLimit(e)) {
                throw tooLarge();
            }
            throw e;
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException(
                "an import body may be at most " + maxBytes + " bytes (micronaut.server.max-request-size)");
    }

    /** Micronaut stops a streamed body at {@code micronaut.server.max-request-size} with this cause. */
    private static boolean exceededLimit(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof ContentLengthExceededException) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the upload area is swept at the next start
        }
    }
}
