package dev.atelier.application.exchange;

import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.TemplateCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates a project from a catalog template: the blueprint's description, type, params (as version
 * 0) and metadata; the template's name (or the given one) kept unique for the caller in the
 * workspace; the caller as owner; a "created" event naming the template.
 */
public final class ImportTemplate {
    private final TemplateCatalog catalog;
    private final ProjectStores stores;
    private final Workspaces workspaces;
    private final UniqueNames names;
    private final Bookkeeping books;

    public ImportTemplate(
            TemplateCatalog catalog,
            ProjectStores stores,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        this.catalog = catalog;
        this.stores = stores;
        this.workspaces = workspaces;
        this.names = names;
        this.books = books;
    }

    public record Command(User caller, String workspace, String templateId, String newProjectName, Scope scope) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            if (templateId == null || templateId.isBlank()) {
                throw new InvalidInputException("a template id is required");
            }
            templateId = templateId.strip();
            if (newProjectName != null && newProjectName.isBlank()) {
                newProjectName = null;
            }
            if (newProjectName != null) {
                newProjectName = Text.name("the new name", newProjectName);
            }
            scope = scope == null ? Scope.USER : scope;
        }
    }

    public record Created(Project project, List<ParamVersion> paramHistory, Template template) {}

    public Created execute(Command c) {
        Template template = catalog.find(c.templateId())
                .orElseThrow(() -> new NotFoundException("template " + Text.clip(c.templateId(), 64) + " not found"));
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());
        return books.uow().inTransaction(() -> {
            var now = books.clock().instant();
            String name = names.firstFree(
                    workspace.id(), c.caller().id(), c.newProjectName() == null ? template.name() : c.newProjectName());
            Template.Blueprint blueprint = template.blueprint();
            Project project = Project.create(
                    new ProjectId(books.ids().newId()),
                    workspace.id(),
                    c.caller(),
                    name,
                    blueprint.description() == null ? template.description() : blueprint.description(),
                    blueprint.metadata(),
                    blueprint.type(),
                    c.scope(),
                    null,
                    now);
            stores.projects().insert(project);
            ParamVersion initial = ParamVersion.initial(blueprint.params(), null, now);
            stores.params().append(project.id(), initial);
            stores.members().save(new Member(project.id(), c.caller().id(), Role.OWNER, now));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("template_id", template.id());
            books.timeline().record(project.id(), EventType.CREATED, project.name(), c.caller(), details);
            return new Created(project, List.of(initial), template);
        });
    }
}
