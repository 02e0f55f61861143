package dev.atelier.application.exchange;

import dev.atelier.domain.model.Template;
import dev.atelier.domain.port.TemplateCatalog;
import java.util.List;

/** The built-in template catalog, in catalog order. Open to every authenticated caller. */
public final class ListTemplates {
    private final TemplateCatalog catalog;

    public ListTemplates(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Template> execute() {
        return catalog.all();
    }
}
