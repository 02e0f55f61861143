package dev.atelier.http.v1;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportSource;
import dev.atelier.domain.error.InvalidInputException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import request body spooled to a file, read with Jackson's streaming parser: the request's
 * own small members ({@code workspace_id}, {@code scope}) and the export's header are read once;
 * the tables are read row by row, as often as the import needs, so the heap never holds the export.
 * {@code export_data} is the export itself, or the whole answer of an export request
 * ({@code {"status": "success", "message", "data": {export}}}): a client that passes on what the
 * export call returned, as the Workspaces API reference's Python example does, imports the same.
 */
final class JsonFileExportSource implements ExportSource {
    private static final String EXPORT = "export_data";

    private final ObjectMapper mapper;
    private final Path file;
    private final Map<String, Object> request = new LinkedHashMap<>();
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<String> tables = new ArrayList<>();
    private boolean exportPresent;
    private boolean wrapped;

    JsonFileExportSource(ObjectMapper mapper, Path file) {
        this.mapper = mapper;
        this.file = file;
        scan();
    }

    /** A top-level member of the request other than export_data (a small value), or null. */
    Object requestMember(String name) {
        return request.get(name);
    }

    boolean exportPresent() {
        return exportPresent;
    }

    @Override
    public Map<String, Object> header() {
        return header;
    }

    @Override
    public List<String> tableNames() {
        return tables;
    }

    @Override
    public void rows(String table, RowConsumer consumer) {
        try (JsonParser p = mapper.createParser(file.toFile())) {
            if (!enter(p, EXPORT) || (wrapped && !enter(p, "data")) || !enter(p, "tables") || !enter(p, table)) {
                return;
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException(EXPORT + ".tables." + table + " must be an array of rows");
            }
            long i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                Object row = mapper.readValue(p, Object.class);
                consumer.accept(i++, row);
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (CharConversionException e) {
            // the bytes do not decode (a reader guessed the wrong encoding): the client's fault
            throw new InvalidInputException("request body is not valid JSON text in UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves into the value of member {@code name} of the object the parser is at (or starts). */
    private static boolean enter(JsonParser p, String name) throws IOException {
        if (p.currentToken() == null || p.currentToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(name)) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    private void scan() {
        wrapped = exportAnswer();
        try (JsonParser p = mapper.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("request body must be a JSON object with export_data");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals(EXPORT)) {
                    request.put(field, mapper.readValue(p, Object.class));
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                exportPresent = true;
                if (value != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(EXPORT + " must be an object");
                }
                if (wrapped) {
                    enter(p, "data");
                    export(p);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        p.nextToken();
                        p.skipChildren();
                    }
                } else {
                    export(p);
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidInputException("request body must hold one JSON object and nothing after it");
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (CharConversionException e) {
            // the bytes do not decode (a reader guessed the wrong encoding): the client's fault
            throw new InvalidInputException("request body is not valid JSON text in UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the members of the export object the parser is at: the header, and where each table is. */
    private void export(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken token = p.nextToken();
            if (!member.equals("tables")) {
                header.put(member, mapper.readValue(p, Object.class));
                continue;
            }
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidInputException(EXPORT + ".tables must be an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String table = p.currentName();
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidInputException(EXPORT + ".tables." + table + " must be an array of rows");
                }
                tables.add(table);
                p.skipChildren();
            }
        }
    }

    /**
     * Whether {@code export_data} is a whole export answer: {@code "status": "success"} and a
     * {@code data} object, and no export members of its own. Malformed JSON is left to {@link #scan}.
     */
    private boolean exportAnswer() {
        try (JsonParser p = mapper.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT
                    || !enter(p, EXPORT)
                    || p.currentToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean success = false;
            boolean data = false;
            boolean export = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken token = p.nextToken();
                switch (member) {
                    case "status" -> success = token == JsonToken.VALUE_STRING && "success".equals(p.getText());
                    case "data" -> data = token == JsonToken.START_OBJECT;
                    case "format", "tables" -> export = true;
                    default -> {
                        // other members of an answer (message) or of an export: neither decides
                    }
                }
                p.skipChildren();
            }
            return success && data && !export;
        } catch (IOException e) {
            return false;
        }
    }

    private static InvalidInputException malformed(JsonProcessingException e) {
        var where = e.getLocation();
        return new InvalidInputException("request body is not valid JSON"
                + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
    }

    /** Deletes the spooled body. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is removed with the temp directory
        }
    }
}
