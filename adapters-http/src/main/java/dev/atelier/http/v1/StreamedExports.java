package dev.atelier.http.v1;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportWorkspace;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams workspace exports: a writer thread runs the export into a pipe while the server sends
 * what comes out of it, so an export of any size needs a fixed buffer (16 chunks of 64 KiB), not the whole answer in
 * memory. Access is decided before the first byte ({@link ExportWorkspace#prepare}), so refusals
 * still get their proper status; a failure after that can only cut the answer short (the JSON is
 * then incomplete, which every client detects), and is logged.
 */
@Singleton
final class StreamedExports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedExports.class);
    private static final int CHUNKS = 16;
    private static final int CHUNK_BYTES = 64 * 1024;

    private final ObjectMapper mapper;
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    StreamedExports(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    StreamedFile stream(ExportWorkspace.Prepared export, String message) {
        ChunkPipe pipe = new ChunkPipe(CHUNKS, CHUNK_BYTES);
        ChunkPipe.Sink out = pipe.sink();
        writers.submit(() -> {
            try {
                JsonExportSink sink = new JsonExportSink(mapper, out, message);
                export.writeTo(sink);
                sink.finish();
                out.close();
            } catch (Exception | Error e) {
                out.fail();
                LOG.warn(
                        "workspace export of {} stopped early: {}",
                        export.workspace().id(),
                        e.toString());
            }
        });
        return new StreamedFile(pipe.source(), MediaType.APPLICATION_JSON_TYPE);
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
