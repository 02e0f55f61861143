package dev.atelier.http.v1;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes an export straight into a v1 envelope on an output stream with Jackson's streaming
 * generator: {@code {"status":"success","message":…,"data":{…export…}}}, row by row.
 */
final class JsonExportSink implements ExportSink, AutoCloseable {
    private final JsonGenerator json;

    JsonExportSink(ObjectMapper mapper, OutputStream out, String message) {
        try {
            json = mapper.createGenerator(out);
            // an export cut short must stay visibly incomplete: never auto-close open arrays/objects
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            json.writeStartObject();
            json.writeStringField("status", "success");
            json.writeStringField("message", message);
            json.writeFieldName("data");
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void field(String name, Object value) {
        io(() -> {
            json.writeFieldName(name);
            json.writeObject(value);
        });
    }

    @Override
    public void beginTables() {
        io(() -> {
            json.writeFieldName("tables");
            json.writeStartObject();
        });
    }

    @Override
    public void beginTable(String name) {
        io(() -> {
            json.writeFieldName(name);
            json.writeStartArray();
        });
    }

    @Override
    public void row(Map<String, Object> row) {
        io(() -> json.writeObject(row));
    }

    @Override
    public void endTable() {
        io(json::writeEndArray);
    }

    @Override
    public void endTables() {
        io(json::writeEndObject);
    }

    /** Ends the export and the envelope. */
    void finish() {
        io(() -> {
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
        });
    }

    @Override
    public void close() {
        io(json::close);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
