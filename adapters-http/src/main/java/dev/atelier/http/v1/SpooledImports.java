package dev.atelier.http.v1;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportFormat;
import dev.atelier.domain.error.PayloadTooLargeException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spools workspace import bodies to a temporary file (bounded by {@code
 * atelier.exchange.max-import-bytes}) and reads them back as a streaming {@link
 * JsonFileExportSource}: the import then holds one row at a time, never the whole export.
 */
@Singleton
final class SpooledImports {
    private final ObjectMapper mapper;
    private final long maxBytes;

    SpooledImports(ObjectMapper mapper, @Value("${atelier.exchange.max-import-bytes:1073741824}") long maxBytes) {
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

    JsonFileExportSource spool(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("atelier-import-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = body;
                    OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw new PayloadTooLargeException("an import body may be at most " + maxBytes + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new JsonFileExportSource(mapper, file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the temp directory is cleaned by the system
        }
    }
}
