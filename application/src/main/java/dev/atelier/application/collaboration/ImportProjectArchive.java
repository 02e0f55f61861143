package dev.atelier.application.collaboration;

import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.TextExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ProjectArchive} (as {@link ExportProjectArchive} writes it) into a new project of
 * the caller, in the given workspace (an alias or null: the default one). Everything is validated
 * before anything is written ({@link ArchiveManifest}: the format and version, every manifest
 * field, params versions 0..n without gaps, every document's path, size and SHA-256 against the
 * archived bytes, and no archive entry left unexplained). Documents go through the {@link TextExtractor} again (outside the
 * transaction): nothing the archive claims about content is trusted. Then one transaction writes
 * the project under a new id (the name made unique), its params history, the caller as owner, the
 * documents and an "imported" event.
 */
public final class ImportProjectArchive {
    public static final int MAX_PARAM_VERSIONS = 10_000;

    private final TextExtractor extractor;
    private final ProjectStores stores;
    private final Workspaces workspaces;
    private final UniqueNames names;
    private final Bookkeeping books;

    public ImportProjectArchive(
            ProjectStores stores,
            TextExtractor extractor,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        this.extractor = extractor;
        this.stores = stores;
        this.workspaces = workspaces;
        this.names = names;
        this.books = books;
    }

    public record Command(User caller, String workspace, ProjectArchive archive) {
        public Command {
            if (archive == null) {
                throw new InvalidInputException("an archive is required");
            }
        }
    }

    public Project execute(Command c) {
        ArchiveManifest manifest = ArchiveManifest.read(c.archive());
        ArchiveManifest.ArchivedProject project = manifest.project();
        String sourceId = manifest.sourceId();
        List<ParamVersion> history = manifest.history();
        List<ArchiveManifest.ArchivedDocument> docs = manifest.documents();
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());

        List<ExtractedDocument> extracted = new ArrayList<>();
        for (ArchiveManifest.ArchivedDocument d : docs) {
            extracted.add(extractor.extract(d.filename(), d.content()));
        }

        // a concurrent writer may take the chosen name first: choose again in a new transaction
        return UniqueNames.withFreeName(() -> books.uow().inTransaction(() -> {
            Instant now = books.clock().instant();
            String name = names.firstFree(workspace.id(), c.caller().id(), project.name());
            Project created = new Project(
                    new ProjectId(books.ids().newId()),
                    workspace.id(),
                    name,
                    project.description(),
                    project.metadata(),
                    project.type(),
                    project.status(),
                    project.scope(),
                    c.caller().id(),
                    c.caller().organization(),
                    project.labeling(),
                    0,
                    now,
                    now,
                    0);
            stores.projects().insert(created);
            for (ParamVersion v : history) {
                stores.params().append(created.id(), v);
            }
            if (history.isEmpty()) {
                stores.params().append(created.id(), ParamVersion.initial(Map.of(), null, now));
            }
            stores.members().save(new Member(created.id(), c.caller().id(), Role.OWNER, now));
            for (int i = 0; i < docs.size(); i++) {
                ArchiveManifest.ArchivedDocument d = docs.get(i);
                ExtractedDocument x = extracted.get(i);
                stores.documents()
                        .insert(Document.fromExtraction(
                                books.ids().newId(),
                                created.id(),
                                d.filename(),
                                d.content(),
                                x,
                                d.createdAt() == null ? now : d.createdAt()));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            if (sourceId != null) {
                details.put("source_project_id", sourceId);
            }
            details.put("documents", docs.size());
            details.put("param_versions", Math.max(1, history.size()));
            books.timeline().record(created.id(), EventType.IMPORTED, created.name(), c.caller(), details);
            return stores.projects().findById(created.id()).orElse(created);
        }));
    }
}
