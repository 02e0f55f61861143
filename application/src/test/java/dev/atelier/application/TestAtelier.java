package dev.atelier.application;

import dev.atelier.application.account.Authenticate;
import dev.atelier.application.account.BootstrapAdmin;
import dev.atelier.application.account.CreateUser;
import dev.atelier.application.account.IssueApiKey;
import dev.atelier.application.account.ListUsers;
import dev.atelier.application.account.RevokeApiKey;
import dev.atelier.application.exchange.CopyProject;
import dev.atelier.application.exchange.ProjectImporter;
import dev.atelier.application.exchange.ProjectTables;
import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.CleanupProjects;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.SaveProject;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.ListWorkspaces;
import dev.atelier.application.workspace.LoadWorkspace;
import dev.atelier.application.workspace.SaveWorkspace;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.fake.InMemoryStore;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/** The application wired over the in-memory store, as the composition root wires it over JDBC. */
public final class TestAtelier {
    /** What the HTTP adapter hands the application as "my default workspace" (the v1 dialect's spellings). */
    public static final Set<String> DEFAULT_WORKSPACE_ALIASES = Set.of("workspace_id", "default");

    public final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    public final InMemoryStore store = new InMemoryStore();
    public final TimeOrderedIds ids = new TimeOrderedIds(clock);
    public final IssueApiKey issueApiKey = new IssueApiKey(store.apiKeys, store.users, store, clock);
    public final CreateUser createUser = new CreateUser(store.users, issueApiKey, store, ids, clock);
    public final RevokeApiKey revokeApiKey = new RevokeApiKey(store.apiKeys);
    public final ListUsers listUsers = new ListUsers(store.users, store.apiKeys, store);
    public final Authenticate authenticate = new Authenticate(store.apiKeys, store.users, store, clock);
    public final BootstrapAdmin bootstrapAdmin =
            new BootstrapAdmin(store.users, store.apiKeys, issueApiKey, store, clock);
    public final Workspaces workspaces =
            new Workspaces(store.workspaces, store, ids, clock, TestAtelier.DEFAULT_WORKSPACE_ALIASES);
    public final SaveWorkspace saveWorkspace = new SaveWorkspace(store.workspaces, store, ids, clock);
    public final ListWorkspaces listWorkspaces = new ListWorkspaces(store.workspaces, workspaces);
    public final LoadWorkspace loadWorkspace = new LoadWorkspace(store.workspaces, workspaces);
    public final ProjectAccess access = new ProjectAccess(store.projects, store.members);
    public final Timeline timeline = new Timeline(store.events, ids, clock);
    public final UniqueNames uniqueNames = new UniqueNames(store.projects);
    public final ProjectStores stores = stores(store);
    public final Bookkeeping books = new Bookkeeping(store, timeline, ids, clock);
    public final SaveProject saveProject = new SaveProject(store.projects, access, workspaces, books);
    public final LoadProject loadProject = new LoadProject(access, store.projects, workspaces, store);
    public final ListProjects listProjects = new ListProjects(store.projects, workspaces);
    public final CleanupProjects cleanupProjects = new CleanupProjects(store.projects, access, workspaces, store);
    public final ProjectTables tables = new ProjectTables(stores, store.users);
    public final ProjectImporter importer = new ProjectImporter(stores, store.users, timeline, ids, clock);
    public final CopyProject copyProject = new CopyProject(access, workspaces, tables, importer, store);

    /** The store's five project repositories, as the use cases that span a project's tables take them. */
    public static ProjectStores stores(InMemoryStore store) {
        return new ProjectStores(store.projects, store.params, store.members, store.documents, store.events);
    }

    /** A registered user (not admin) in the given organization. */
    public User user(String name, String organization) {
        User user =
                new User(new UserId(ids.newId()), name + "@example.com", name, organization, false, clock.instant());
        store.users.insert(user);
        return user;
    }

    public dev.atelier.domain.model.Project project(User owner, String name) {
        return saveProject
                .execute(SaveProject.Command.of(
                        owner, "workspace_id", null, name, "about " + name, Map.of(), Scope.USER))
                .project();
    }
}
