package dev.atelier.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.port.TemplateCatalog;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The built-in template catalog, read once from the resource {@code atelier/templates.json} (an
 * array of templates, kept in file order). Public because the analyzer's tests and evaluation read
 * the same catalog through it rather than through a second parser.
 */
@Singleton
public final class JsonTemplateCatalog implements TemplateCatalog {
    static final String RESOURCE = "atelier/templates.json";

    private final List<Template> templates;

    public JsonTemplateCatalog() {
        this.templates = load(RESOURCE);
    }

    @Override
    public List<Template> all() {
        return templates;
    }

    static List<Template> load(String resource) {
        try (InputStream in = JsonTemplateCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the template catalog " + resource + " is missing from the classpath");
            }
            List<TemplateJson> raw = Json.mapper().readValue(in, new TypeReference<List<TemplateJson>>() {});
            return raw.stream().map(TemplateJson::toTemplate).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the template catalog " + resource + " could not be read", e);
        }
    }

    record TemplateJson(
            String id,
            String name,
            String description,
            String category,
            List<String> keywords,
            BlueprintJson blueprint) {
        Template toTemplate() {
            return new Template(
                    id,
                    name,
                    description,
                    category,
                    keywords,
                    new Template.Blueprint(
                            blueprint.description(), blueprint.type(), blueprint.params(), blueprint.metadata()));
        }
    }

    record BlueprintJson(String description, String type, Map<String, Object> params, Map<String, Object> metadata) {}
}
