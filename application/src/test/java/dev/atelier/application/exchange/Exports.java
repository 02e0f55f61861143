package dev.atelier.application.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers to compare and edit export objects in tests. */
final class Exports {
    /** Columns that hold ids, timestamps or placement, which an import changes by design. */
    static final Set<String> VOLATILE = Set.of(
            "id",
            "project_id",
            "workspace_id",
            "owner_id",
            "user_id",
            "actor_id",
            "created_at",
            "updated_at",
            "timestamp");

    private Exports() {}

    /** The tables with volatile columns removed and the last {@code addedEvents} events dropped. */
    static Map<String, List<Map<String, Object>>> content(Map<String, Object> export, int addedEvents) {
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        for (String table : ExportFormat.PROJECT_TABLES) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Map<String, Object>> all = rows(export, table);
            if (table.equals(ExportFormat.EVENTS)) {
                all = all.subList(0, all.size() - addedEvents);
            }
            for (Map<String, Object> row : all) {
                Map<String, Object> kept = new LinkedHashMap<>(row);
                kept.keySet().removeAll(VOLATILE);
                rows.add(kept);
            }
            result.put(table, rows);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> export, String table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) export.get("tables")).get(table);
    }

    /** A deep, mutable copy of an export object (what a client would send back). */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }
}
