package dev.atelier.application.exchange;

import dev.atelier.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link ExportSource} over an export object already parsed into JSON-like maps and lists. */
public final class MapExportSource implements ExportSource {
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, List<?>> tables = new LinkedHashMap<>();

    /**
     * @param exportData the export object; {@code what} names it in messages (e.g. "export_data")
     */
    public MapExportSource(Object exportData, String what) {
        if (exportData == null) {
            throw new InvalidInputException(what + " is required");
        }
        if (!(exportData instanceof Map<?, ?> root)) {
            throw new InvalidInputException(what + " must be an object");
        }
        for (Map.Entry<?, ?> e : root.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!"tables".equals(key)) {
                header.put(key, e.getValue());
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> t)) {
                throw new InvalidInputException(what + ".tables must be an object");
            }
            for (Map.Entry<?, ?> table : t.entrySet()) {
                String name = String.valueOf(table.getKey());
                if (!(table.getValue() instanceof List<?> rows)) {
                    throw new InvalidInputException(what + ".tables." + name + " must be an array of rows");
                }
                tables.put(name, rows);
            }
        }
    }

    @Override
    public Map<String, Object> header() {
        return header;
    }

    @Override
    public List<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }

    @Override
    public void rows(String table, RowConsumer consumer) {
        List<?> rows = tables.get(table);
        if (rows == null) {
            return;
        }
        long i = 0;
        for (Object row : rows) {
            consumer.accept(i++, row);
        }
    }
}
