package dev.atelier.http.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportSource;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The streaming pieces of the exchange endpoints, without a server. */
class StreamingPartsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void the_chunk_pipe_delivers_every_byte_in_order_across_threads() throws Exception {
        ChunkPipe pipe = new ChunkPipe(2, 1000);
        byte[] data = new byte[250_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (ChunkPipe.Sink out = pipe.sink()) {
                for (int off = 0; off < data.length; off += 777) {
                    out.write(data, off, Math.min(777, data.length - off));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (InputStream in = pipe.source()) {
            in.transferTo(read);
        }
        writer.get();
        assertThat(read.toByteArray()).isEqualTo(data);
    }

    @Test
    void a_failed_writer_makes_the_reader_fail_instead_of_ending_cleanly() throws Exception {
        ChunkPipe pipe = new ChunkPipe(4, 100);
        ChunkPipe.Sink out = pipe.sink();
        CompletableFuture.runAsync(() -> {
            try {
                out.write(new byte[150]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            out.fail();
        });
        InputStream in = pipe.source();
        assertThatThrownBy(() -> in.transferTo(new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("failed");
    }

    @Test
    void a_closed_reader_stops_the_writer() throws Exception {
        ChunkPipe pipe = new ChunkPipe(1, 10);
        ChunkPipe.Sink out = pipe.sink();
        pipe.source().close();
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        out.write(new byte[10]);
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("stopped reading");
    }

    private JsonFileExportSource spool(String json, long max) {
        return new SpooledImports(mapper, max).spool(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_spooled_body_gives_header_tables_and_rows_one_by_one_as_often_as_asked() {
        JsonFileExportSource source = spool("""
                {"workspace_id": "ws1", "export_data": {"format": "atelier.workspace", "format_version": 1,
                  "tables": {"workspaces": [{"id": "w"}], "projects": [{"id": "a"}, {"id": "b", "n": [1, {"x": 2}]}],
                             "project_params": []},
                  "summary": {"projects": 2}}, "scope": "user"}
                """, 10_000);
        try {
            assertThat(source.requestMember("workspace_id")).isEqualTo("ws1");
            assertThat(source.requestMember("scope")).isEqualTo("user");
            assertThat(source.header())
                    .containsEntry("format", "atelier.workspace")
                    .containsEntry("format_version", 1)
                    .containsKey("summary")
                    .doesNotContainKey("tables");
            assertThat(source.tableNames()).containsExactly("workspaces", "projects", "project_params");
            for (int pass = 0; pass < 2; pass++) {
                List<Object> rows = new ArrayList<>();
                source.rows("projects", (i, row) -> rows.add(row));
                assertThat(rows).containsExactly(Map.of("id", "a"), Map.of("id", "b", "n", List.of(1, Map.of("x", 2))));
            }
            List<Object> none = new ArrayList<>();
            source.rows("project_events", (i, row) -> none.add(row));
            assertThat(none).isEmpty();
        } finally {
            source.delete();
        }
    }

    @Test
    void malformed_or_oversized_bodies_are_refused_with_a_clear_message() {
        assertThatThrownBy(() -> spool("{\"export_data\": {\"tables\": {\"projects\": [{\"id\": \"a\"", 10_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("request body is not valid JSON (line 1");
        assertThatThrownBy(() -> spool("[1]", 10_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> spool("{\"export_data\": 5}", 10_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("export_data must be an object");
        assertThatThrownBy(() -> spool("{\"export_data\": {\"tables\": {\"projects\": {}}}}", 10_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("export_data.tables.projects must be an array of rows");
        assertThatThrownBy(() -> spool("{\"export_data\": {\"format\": \"" + "x".repeat(200) + "\"}}", 100))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 100 bytes");
        ExportSource ok = spool("{\"other\": 1}", 100);
        assertThat(((JsonFileExportSource) ok).exportPresent()).isFalse();
        ((JsonFileExportSource) ok).delete();
    }
}
