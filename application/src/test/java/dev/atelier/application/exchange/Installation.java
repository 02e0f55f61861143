package dev.atelier.application.exchange;

import dev.atelier.application.TestAtelier;
import dev.atelier.application.TestClocks;
import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.SaveProject;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.fake.InMemoryStore;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.TemplateCatalog;
import dev.atelier.domain.port.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One Atelier installation wired in memory: the store, the use cases, and helpers to set up data. */
final class Installation {
    final InMemoryStore store = new InMemoryStore();
    final Clock clock;
    final TimeOrderedIds ids;
    final Workspaces workspaces;
    final ProjectAccess access;
    final UniqueNames names;
    final Timeline timeline;
    final ProjectTables tables;
    final ProjectImporter importer;
    final SaveProject saveProject;
    final ExportProject exportProject;
    final ImportProject importProject;
    final ExportWorkspace exportWorkspace;
    final ImportWorkspace importWorkspace;
    final CopyProject copyProject;
    final ListTemplates listTemplates;
    final ImportTemplate importTemplate;

    Installation(Instant start, List<Template> templates) {
        clock = TestClocks.ticking(start);
        ids = new TimeOrderedIds(clock);
        workspaces = new Workspaces(store.workspaces, store, ids, clock, TestAtelier.DEFAULT_WORKSPACE_ALIASES);
        access = new ProjectAccess(store.projects, store.members);
        names = new UniqueNames(store.projects);
        timeline = new Timeline(store.events, ids, clock);
        ProjectStores stores = TestAtelier.stores(store);
        Bookkeeping books = new Bookkeeping(store, timeline, ids, clock);
        tables = new ProjectTables(stores, store.users);
        importer = new ProjectImporter(stores, store.users, timeline, ids, clock);
        saveProject = new SaveProject(store.projects, access, workspaces, books);
        exportProject = new ExportProject(access, workspaces, tables, timeline, store, clock);
        importProject = new ImportProject(workspaces, importer, store.params, store);
        exportWorkspace = new ExportWorkspace(workspaces, store.projects, tables, timeline, store, clock);
        importWorkspace = new ImportWorkspace(workspaces, importer, store);
        copyProject = new CopyProject(access, workspaces, tables, importer, store);
        TemplateCatalog catalog = () -> templates;
        listTemplates = new ListTemplates(catalog);
        importTemplate = new ImportTemplate(catalog, stores, workspaces, names, books);
    }

    Installation() {
        this(Instant.parse("2026-01-01T00:00:00Z"), List.of());
    }

    User user(String email, String organization) {
        User user = new User(
                new UserId(ids.newId()),
                email,
                email.substring(0, email.indexOf('@')),
                organization,
                false,
                clock.instant());
        store.users.insert(user);
        return user;
    }

    /**
     * A project of {@code owner} in {@code workspace} stored directly (no use case, no event, no
     * membership), with {@code params} as version 0: for fixtures of thousands of projects.
     */
    Project storedProject(
            User owner, Workspace workspace, String name, Map<String, Object> metadata, Map<String, Object> params) {
        var now = clock.instant();
        Project p = Project.create(
                new ProjectId(ids.newId()), workspace.id(), owner, name, null, metadata, null, Scope.USER, null, now);
        store.projects.insert(p);
        store.params.append(p.id(), ParamVersion.initial(params, null, now));
        return p;
    }

    Workspace workspace(User owner, String name) {
        var now = clock.instant();
        Workspace w = new Workspace(
                new WorkspaceId(ids.newId()),
                name,
                null,
                Map.of(),
                owner.id(),
                owner.organization(),
                Scope.USER,
                false,
                now,
                now);
        store.workspaces.insert(w);
        return w;
    }
}
