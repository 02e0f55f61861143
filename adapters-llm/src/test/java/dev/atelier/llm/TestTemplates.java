package dev.atelier.llm;

import dev.atelier.domain.model.Template;
import dev.atelier.persistence.JsonTemplateCatalog;
import java.util.List;

/** The shipped template catalog, read by the server's own reader. */
final class TestTemplates {
    private static final List<Template> ALL = new JsonTemplateCatalog().all();

    private TestTemplates() {}

    static List<Template> all() {
        return ALL;
    }
}
