package dev.atelier.application.collaboration;

import dev.atelier.application.TestAtelier;
import dev.atelier.application.TestClocks;
import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.CleanupProjects;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.SaveProject;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.fake.InMemoryStore;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.domain.port.TimeOrderedIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Every collaboration use case wired to one {@link InMemoryStore}, with a clock that ticks 1 ms per read. */
final class Fixture {
    final InMemoryStore store = new InMemoryStore();
    final Clock clock = TestClocks.ticking(Instant.parse("2026-02-10T09:00:00Z"));
    final TimeOrderedIds ids = new TimeOrderedIds(clock);
    final Workspaces workspaces =
            new Workspaces(store.workspaces, store, ids, clock, TestAtelier.DEFAULT_WORKSPACE_ALIASES);
    final ProjectAccess access = new ProjectAccess(store.projects, store.members);
    final Timeline timeline = new Timeline(store.events, ids, clock);
    final UniqueNames names = new UniqueNames(store.projects);
    final Bookkeeping books = new Bookkeeping(store, timeline, ids, clock);
    final SaveProject save = new SaveProject(store.projects, access, workspaces, books);
    final ListProjects listProjects = new ListProjects(store.projects, workspaces);
    final CleanupProjects cleanup = new CleanupProjects(store.projects, access, workspaces, store);
    final TextExtractor extractor = new CsvOrTextExtractor();

    final ListMembers listMembers = new ListMembers(access, store.members);
    final AddMember addMember = new AddMember(access, store.members, store.users, timeline, store, clock);
    final RemoveMember removeMember = new RemoveMember(access, store.members, store.users, timeline, store);
    final GetTimeline getTimeline = new GetTimeline(access, store.events);
    final ListDocuments listDocuments = new ListDocuments(access, store.documents, store);
    final UpdateProject updateProject = new UpdateProject(save);
    final DeleteProject deleteProject = new DeleteProject(cleanup, store);
    final ArchiveProject archiveProject = new ArchiveProject(access, store.projects, timeline, store, clock);
    final SetParams setParams = new SetParams(access, store.params, timeline, store, clock);
    final CreateLabelingProject createLabeling = new CreateLabelingProject(save, store.params);
    final GetLabelingProject getLabeling = new GetLabelingProject(store.projects, store.params, access, workspaces);
    final ListLabelingProjects listLabeling = new ListLabelingProjects(listProjects, store.params);
    final UploadDataset uploadDataset = new UploadDataset(access, extractor, store.documents, books);
    final ExportProjectArchive exportArchive =
            new ExportProjectArchive(access, store.params, store.documents, timeline, store, clock);
    final ImportProjectArchive importArchive =
            new ImportProjectArchive(TestAtelier.stores(store), extractor, workspaces, names, books);

    private int users;

    User user(String name) {
        users++;
        User user = new User(
                new UserId(ids.newId()),
                name.toLowerCase() + "@example.com",
                name,
                "org-" + name,
                false,
                clock.instant());
        store.users.insert(user);
        return user;
    }

    Project project(User owner, String name) {
        return save.execute(SaveProject.Command.of(owner, null, null, name, "about " + name, Map.of(), null))
                .project();
    }

    /** Makes {@code user} a member of {@code project} with {@code role}, bypassing the use cases. */
    void grant(Project project, User user, Role role) {
        store.members.save(new Member(project.id(), user.id(), role, clock.instant()));
    }

    Project reload(Project project) {
        return store.projects.findById(project.id()).orElseThrow();
    }

    static Optional<Long> noVersion() {
        return Optional.empty();
    }

    /** Reads "a,b\n1,2\n" style content as a table; refuses content with NUL bytes; anything else is text. */
    static final class CsvOrTextExtractor implements TextExtractor {
        @Override
        public ExtractedDocument extract(String filename, byte[] content) {
            for (byte b : content) {
                if (b == 0) {
                    throw new UnsupportedContentException(filename + ": binary content is not supported");
                }
            }
            String text = new String(content, StandardCharsets.UTF_8);
            String[] lines = text.strip().split("\n");
            if (lines.length >= 1 && lines[0].contains(",")) {
                return new ExtractedDocument(
                        "text/csv", text, null, lines.length - 1, lines[0].split(",").length, false);
            }
            return new ExtractedDocument("text/plain", text, null, null, null, false);
        }
    }
}
