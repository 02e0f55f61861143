package dev.atelier.application.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an export as one in-memory object (for project exports and copy, not for big workspaces). */
public final class MapExportSink implements ExportSink {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private Map<String, Object> tables;
    private List<Object> current;

    @Override
    public void field(String name, Object value) {
        root.put(name, value);
    }

    @Override
    public void beginTables() {
        tables = new LinkedHashMap<>();
        root.put("tables", tables);
    }

    @Override
    public void beginTable(String name) {
        current = new ArrayList<>();
        tables.put(name, current);
    }

    @Override
    public void row(Map<String, Object> row) {
        current.add(row);
    }

    @Override
    public void endTable() {
        current = null;
    }

    @Override
    public void endTables() {}

    /** The object written so far, in the order it was written. */
    public Map<String, Object> result() {
        return root;
    }
}
