package dev.atelier.application.analysis;

import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ExtractedDocument;
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
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.TemplateCatalog;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.domain.port.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a project from a description and documents (PRODUCT.md section 6). Every file is
 * extracted first (one failure fails the request; nothing is saved), then the analyzer drafts the
 * project outside any transaction, then one transaction stores the project (its name made unique in
 * the workspace), params version 0, the owner membership, the documents and a "created from
 * context" event.
 */
public final class CreateProjectFromContext {
    /** Longest accepted context, in characters. */
    public static final int MAX_CONTEXT = 100_000;

    private final TextExtractor extractor;
    private final ContextAnalyzer analyzer;
    private final TemplateCatalog templates;
    private final ProjectRepository projects;
    private final ParamHistoryRepository params;
    private final MemberRepository members;
    private final DocumentRepository documents;
    private final Workspaces workspaces;
    private final UniqueNames names;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxFiles;
    private final long maxRequestBytes;

    public CreateProjectFromContext(
            TextExtractor extractor,
            ContextAnalyzer analyzer,
            TemplateCatalog templates,
            ProjectRepository projects,
            ParamHistoryRepository params,
            MemberRepository members,
            DocumentRepository documents,
            Workspaces workspaces,
            UniqueNames names,
            Timeline timeline,
            UnitOfWork uow,
            IdGenerator ids,
            Clock clock,
            int maxFiles,
            long maxRequestBytes) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.templates = templates;
        this.projects = projects;
        this.params = params;
        this.members = members;
        this.documents = documents;
        this.workspaces = workspaces;
        this.names = names;
        this.timeline = timeline;
        this.uow = uow;
        this.ids = ids;
        this.clock = clock;
        this.maxFiles = maxFiles;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** One uploaded file as the client named it. */
    public record Upload(String filename, byte[] bytes) {
        public Upload {
            bytes = bytes == null ? new byte[0] : bytes;
        }
    }

    public record Command(User caller, String workspace, String context, Scope scope, List<Upload> files) {
        public Command {
            if (caller == null) {
                throw new InvalidInputException("a caller is required");
            }
            context = context == null ? "" : context.strip();
            files = files == null ? List.of() : List.copyOf(files);
            scope = scope == null ? Scope.USER : scope;
            if (context.isEmpty() && files.isEmpty()) {
                throw new InvalidInputException("give a context, at least one file, or both");
            }
            if (context.length() > MAX_CONTEXT) {
                throw new InvalidInputException("context must be at most " + MAX_CONTEXT + " characters");
            }
        }
    }

    public record Created(Project project, List<Document> documents, Analysis analysis) {}

    private record Extracted(Upload upload, String filename, ExtractedDocument document) {}

    public Created execute(Command c) {
        if (c.files().size() > maxFiles) {
            throw new InvalidInputException("at most " + maxFiles + " files per request, got "
                    + c.files().size());
        }
        long total = c.files().stream().mapToLong(f -> f.bytes().length).sum()
                + c.context().getBytes(StandardCharsets.UTF_8).length;
        if (total > maxRequestBytes) {
            throw new PayloadTooLargeException(
                    "the request carries " + total + " bytes; the limit is " + maxRequestBytes);
        }
        Workspace workspace = workspaces.resolve(c.caller(), c.workspace());

        List<Extracted> extracted = new ArrayList<>();
        for (Upload upload : c.files()) {
            String filename = Document.safeFilename(upload.filename());
            extracted.add(new Extracted(upload, filename, extractor.extract(filename, upload.bytes())));
        }

        AnalysisRequest request = new AnalysisRequest(
                c.context(),
                extracted.stream()
                        .map(e -> new AnalysisRequest.NamedText(
                                e.filename(),
                                e.document().mediaType(),
                                e.document().text()))
                        .toList(),
                templates.all());
        Analysis analysis = analyzer.analyze(request); // outside any transaction: may call a remote model
        ProjectDraft draft = analysis.draft();

        return uow.inTransaction(() -> {
            var now = clock.instant();
            String name = names.firstFree(workspace.id(), c.caller().id(), draftName(draft));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("tags", List.copyOf(draft.tags()));
            metadata.put("domain", draft.domain());
            metadata.put("template_id", draft.templateId());
            Project project = Project.create(
                    new ProjectId(ids.newId()),
                    workspace.id(),
                    c.caller(),
                    name,
                    Text.clip(clean(draft.description()), Text.MAX_DESCRIPTION),
                    metadata,
                    draft.type() == null ? null : Text.clip(draft.type(), Text.MAX_TYPE),
                    c.scope(),
                    null,
                    now);
            projects.insert(project);
            params.append(project.id(), ParamVersion.initial(draft.params(), null, now));
            members.save(new Member(project.id(), c.caller().id(), Role.OWNER, now));
            List<Document> stored = new ArrayList<>();
            for (Extracted e : extracted) {
                ExtractedDocument x = e.document();
                Document doc = new Document(
                        ids.newId(),
                        project.id(),
                        e.filename(),
                        x.mediaType(),
                        e.upload().bytes().length,
                        sha256(e.upload().bytes()),
                        x.text(),
                        x.pages(),
                        x.rows(),
                        x.columns(),
                        x.text().length(),
                        x.truncated(),
                        x.tabular(),
                        e.upload().bytes(),
                        now);
                documents.insert(doc);
                stored.add(doc);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("documents", stored.size());
            details.put("provider", analysis.provider());
            details.put("fallback", analysis.fallback());
            timeline.record(project.id(), EventType.CREATED_FROM_CONTEXT, project.name(), c.caller(), details);
            return new Created(project, List.copyOf(stored), analysis);
        });
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
