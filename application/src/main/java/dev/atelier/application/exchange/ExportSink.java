package dev.atelier.application.exchange;

import java.util.Map;

/**
 * Where an export is written, member by member and row by row, so that an export of any size can
 * stream to its destination (the HTTP adapter implements this over a JSON generator writing the
 * response; {@link MapExportSink} builds the plain object for small exports and for copy).
 *
 * <p>Call order: any number of {@link #field} calls, then {@link #beginTables}, then for each table
 * {@link #beginTable}, its {@link #row}s and {@link #endTable}, then {@link #endTables}, then more
 * {@link #field} calls (the summary comes last because it counts the rows). Values are JSON-like:
 * Map, List, String, Number, Boolean or null.
 */
public interface ExportSink {
    void field(String name, Object value);

    void beginTables();

    void beginTable(String name);

    void row(Map<String, Object> row);

    void endTable();

    void endTables();
}
