package dev.atelier.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A project blueprint from the built-in catalog. {@code keywords} help matching contexts to it. */
public record Template(
        String id, String name, String description, String category, List<String> keywords, Blueprint blueprint) {
    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(blueprint, "blueprint");
        description = description == null ? "" : description;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** What a project created from the template starts with. */
    public record Blueprint(String description, String type, Map<String, Object> params, Map<String, Object> metadata) {
        public Blueprint {
            params = JsonObjects.object("params", params);
            metadata = JsonObjects.object("metadata", metadata);
        }
    }
}
