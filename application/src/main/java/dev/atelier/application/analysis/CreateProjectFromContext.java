package dev.atelier.application.analysis;

import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a project from a description and documents in one go: {@link DraftProjectFromContext}
 * extracts the files and asks the analyzer for a draft (outside any transaction; one failure fails
 * the request and nothing is saved), then one transaction stores the project (its name made
 * unique in the workspace), params version 0, the owner membership, the documents and a "created
 * from context" event.
 */
public final class CreateProjectFromContext {
    private final DraftProjectFromContext drafts;
    private final ProjectStores stores;
    private final Workspaces workspaces;
    private final UniqueNames names;
    private final Bookkeeping books;

    public CreateProjectFromContext(
            DraftProjectFromContext drafts,
            ProjectStores stores,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        this.drafts = drafts;
        this.stores = stores;
        this.workspaces = workspaces;
        this.names = names;
        this.books = books;
    }

    /** Where the project goes ({@code workspace}, {@code scope}) and what it is drafted from. */
    public record Command(User caller, String workspace, Scope scope, DraftProjectFromContext.Command content) {
        public Command {
            if (caller == null || content == null) {
                throw new InvalidInputException("a caller and the content to analyze are required");
            }
            scope = scope == null ? Scope.USER : scope;
        }
    }

    public record Created(Project project, List<Document> documents, Analysis analysis) {}

    public Created execute(Command c) {
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace()); // a bad workspace fails before extraction
        DraftProjectFromContext.Drafted drafted = drafts.execute(c.content());
        Analysis analysis = drafted.analysis();
        ProjectDraft draft = analysis.draft();

        // a concurrent writer may take the chosen name first: choose again in a new transaction
        return UniqueNames.withFreeName(() -> books.uow().inTransaction(() -> {
            var now = books.clock().instant();
            String name = names.firstFree(workspace.id(), c.caller().id(), draftName(draft));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("tags", List.copyOf(draft.tags()));
            metadata.put("domain", draft.domain());
            metadata.put("template_id", draft.templateId());
            Project project = Project.create(
                    new ProjectId(books.ids().newId()),
                    workspace.id(),
                    c.caller(),
                    name,
                    Text.clip(clean(draft.description()), Text.MAX_DESCRIPTION),
                    metadata,
                    draft.type() == null ? null : Text.clip(draft.type(), Text.MAX_TYPE),
                    c.scope(),
                    null,
                    now);
            stores.projects().insert(project);
            stores.params().append(project.id(), ParamVersion.initial(draft.params(), null, now));
            stores.members().save(new Member(project.id(), c.caller().id(), Role.OWNER, now));
            List<Document> stored = new ArrayList<>();
            for (DraftProjectFromContext.ExtractedFile e : drafted.files()) {
                Document doc = Document.fromExtraction(
                        books.ids().newId(), project.id(), e.filename(), e.bytes(), e.document(), now);
                stores.documents().insert(doc);
                stored.add(doc);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("documents", stored.size());
            details.put("provider", analysis.provider());
            details.put("fallback", analysis.fallback());
            books.timeline().record(project.id(), EventType.CREATED_FROM_CONTEXT, project.name(), c.caller(), details);
            return new Created(project, List.copyOf(stored), analysis);
        }));
    }

    private static String draftName(ProjectDraft draft) {
        String name = clean(draft.name()).replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            return "Untitled Project";
        }
        return name.length() > Text.MAX_NAME - 10
                ? name.substring(0, Text.MAX_NAME - 10).strip()
                : name;
    }

    /** Without control characters other than line breaks and tabs, and without lone surrogates. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", " ")
                .replaceAll("\\p{Cs}", "")
                .strip();
    }
}
