package dev.atelier.application.exchange;

import java.util.List;
import java.util.Map;

/**
 * An export object as an import reads it: its small top-level members at once, its tables row by
 * row and table by table, as often as needed (an import reads them once to validate everything and
 * once more to write). {@link MapExportSource} reads a parsed object; the HTTP adapter may implement
 * this over a spooled request body to keep big workspace imports out of the heap.
 *
 * <p>A source reports a structural problem (tables not an object, a table not an array) as {@link
 * dev.atelier.domain.error.InvalidInputException} naming the place.
 */
public interface ExportSource {
    /** The top-level members other than {@code tables}, e.g. format, format_version, source, summary. */
    Map<String, Object> header();

    /** The names of the tables present, in document order; empty when {@code tables} is absent. */
    List<String> tableNames();

    /** Hands every row of {@code table} in order to {@code consumer}; nothing when it is absent. */
    void rows(String table, RowConsumer consumer);

    @FunctionalInterface
    interface RowConsumer {
        /** @param row the raw JSON-like value of the row (an object, unless the export is malformed) */
        void accept(long index, Object row);
    }
}
