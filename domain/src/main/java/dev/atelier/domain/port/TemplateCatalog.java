package dev.atelier.domain.port;

import dev.atelier.domain.model.Template;
import java.util.List;
import java.util.Optional;

/** The built-in catalog of project templates. Read-only; {@link #all} keeps catalog order. */
public interface TemplateCatalog {
    List<Template> all();

    default Optional<Template> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
