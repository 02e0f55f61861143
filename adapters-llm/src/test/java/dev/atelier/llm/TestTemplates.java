package dev.atelier.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.domain.model.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The shipped template catalog (a copy of adapters-persistence's templates.json). */
final class TestTemplates {
    private static final List<Template> ALL = load();

    private TestTemplates() {}

    static List<Template> all() {
        return ALL;
    }

    @SuppressWarnings("unchecked")
    private static List<Template> load() {
        try (InputStream in = TestTemplates.class.getResourceAsStream("/templates.json")) {
            List<Map<String, Object>> raw = new ObjectMapper().readValue(in, new TypeReference<>() {});
            return raw.stream()
                    .map(t -> {
                        Map<String, Object> b = (Map<String, Object>) t.get("blueprint");
                        return new Template(
                                (String) t.get("id"),
                                (String) t.get("name"),
                                (String) t.get("description"),
                                (String) t.get("category"),
                                (List<String>) t.get("keywords"),
                                new Template.Blueprint(
                                        (String) b.get("description"),
                                        (String) b.get("type"),
                                        (Map<String, Object>) b.get("params"),
                                        (Map<String, Object>) b.get("metadata")));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
