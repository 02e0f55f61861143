package dev.atelier.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import dev.atelier.domain.port.WorkspaceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every implementation of the repository ports and of {@link UnitOfWork} must show,
 * written against the port interfaces only. Subclasses supply the implementation under test
 * ({@link #ports()}); the in-memory reference, H2 and PostgreSQL all run this same suite.
 *
 * <p>Tests do not clean up: each one creates its own users, workspaces and projects under fresh
 * random ids, so a store shared by all tests of a class still gives every test a clean view.
 * Timestamps are whole microseconds, the precision the databases keep.
 */
public abstract class RepositoryContract {

    /** The implementations under test, all backed by the same store. */
    public record Ports(
            UserRepository users,
            ApiKeyRepository apiKeys,
            WorkspaceRepository workspaces,
            ProjectRepository projects,
            ParamHistoryRepository params,
            MemberRepository members,
            EventRepository events,
            DocumentRepository documents,
            UnitOfWork uow) {}

    /** Called before each test; may return the same store every time. */
    protected abstract Ports ports();

    private static final Instant T0 = Instant.parse("2031-03-04T05:06:07.123456Z");

    protected UserRepository users;
    protected ApiKeyRepository apiKeys;
    protected WorkspaceRepository workspaces;
    protected ProjectRepository projects;
    protected ParamHistoryRepository params;
    protected MemberRepository members;
    protected EventRepository events;
    protected DocumentRepository documents;
    protected UnitOfWork uow;

    private final AtomicInteger clock = new AtomicInteger();

    @BeforeEach
    void wirePorts() {
        Ports p = ports();
        users = p.users();
        apiKeys = p.apiKeys();
        workspaces = p.workspaces();
        projects = p.projects();
        params = p.params();
        members = p.members();
        events = p.events();
        documents = p.documents();
        uow = p.uow();
    }

    // ---- fixtures -------------------------------------------------------------------------

    private static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** A distinct, increasing instant (whole seconds after T0). */
    private Instant tick() {
        return T0.plusSeconds(clock.incrementAndGet());
    }

    private User newUser(String organization) {
        String id = fresh();
        return new User(new UserId(id), "U-" + id + "@Example.test", "User " + id, organization, false, T0);
    }

    private User user(String organization) {
        User u = newUser(organization);
        users.insert(u);
        return u;
    }

    private User user() {
        return user(null);
    }

    private Workspace newWorkspace(User owner, Scope scope, boolean isDefault, Instant created) {
        return new Workspace(
                new WorkspaceId(fresh()),
                "Workspace",
                "for tests",
                Map.of("team", "blue"),
                owner.id(),
                owner.organization(),
                scope,
                isDefault,
                created,
                created);
    }

    private Workspace workspace(User owner) {
        Workspace w = newWorkspace(owner, Scope.USER, false, tick());
        workspaces.insert(w);
        return w;
    }

    private Project newProject(User owner, Workspace ws, String name) {
        Instant now = tick();
        return new Project(
                new ProjectId(fresh()),
                ws.id(),
                name,
                "A project called " + name,
                Map.of(),
                null,
                ProjectStatus.ACTIVE,
                Scope.USER,
                owner.id(),
                owner.organization(),
                null,
                0,
                now,
                now,
                0);
    }

    private Project project(User owner, Workspace ws, String name) {
        Project p = newProject(owner, ws, name);
        projects.insert(p);
        return p;
    }

    private Project with(
            Project p,
            String description,
            Scope scope,
            ProjectStatus status,
            int datasetCount,
            Instant created,
            Instant updated) {
        return new Project(
                p.id(),
                p.workspaceId(),
                p.name(),
                description,
                p.metadata(),
                p.type(),
                status,
                scope,
                p.ownerId(),
                p.organization(),
                p.labeling(),
                datasetCount,
                created,
                updated,
                p.version());
    }

    private ProjectQuery query(User caller, Set<Visibility> visibilities, WorkspaceId ws, String search) {
        return ProjectQuery.builder(caller)
                .visibilities(visibilities)
                .workspace(ws)
                .search(search)
                .sort(ProjectSort.CREATED_AT, true)
                .page(500, 0)
                .build();
    }

    /** A query of {@code caller}'s projects of {@code visibilities} in every workspace, in one order. */
    private static ProjectQuery.Builder sorted(
            User caller, Set<Visibility> visibilities, ProjectSort sort, boolean ascending) {
        return ProjectQuery.builder(caller).visibilities(visibilities).sort(sort, ascending);
    }

    private List<ProjectId> ids(Page<Project> page) {
        return page.items().stream().map(Project::id).toList();
    }

    private List<ProjectId> search(User caller, Set<Visibility> visibilities, WorkspaceId ws, String text) {
        return ids(projects.search(query(caller, visibilities, ws, text)));
    }

    private Document document(Project p, String name, boolean dataset, byte[] content, Instant at) {
        return new Document(
                fresh(),
                p.id(),
                name,
                dataset ? "text/csv" : "text/plain",
                content.length,
                "ab".repeat(32),
                "extracted text of " + name,
                dataset ? null : 1,
                dataset ? 3 : null,
                dataset ? 2 : null,
                20,
                false,
                dataset,
                content,
                at);
    }

    private static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- users ----------------------------------------------------------------------------

    @Test
    void a_user_is_found_by_id_and_by_normalized_email() {
        User u = user("Acme");

        assertThat(users.findById(u.id())).contains(u);
        assertThat(users.findByEmail(u.email())).contains(u);
        assertThat(u.email()).isEqualTo(u.email().toLowerCase());
    }

    @Test
    void unknown_users_are_empty() {
        assertThat(users.findById(new UserId(fresh()))).isEmpty();
        assertThat(users.findByEmail("nobody-" + fresh() + "@example.test")).isEmpty();
    }

    @Test
    void a_second_user_with_the_same_email_is_a_conflict_and_is_not_stored() {
        User first = user();
        User twin = new User(new UserId(fresh()), first.email().toUpperCase(), "Twin", null, false, T0);

        assertThatThrownBy(() -> users.insert(twin))
                .isInstanceOf(ConflictException.class)
                .hasMessageNotContainingAny("INSERT", "SELECT", "users");
        assertThat(users.findById(twin.id())).isEmpty();
        assertThat(users.findByEmail(first.email())).contains(first);
    }

    @Test
    void a_taken_user_id_is_a_conflict() {
        User first = user();
        User sameId = new User(first.id(), "other-" + fresh() + "@example.test", "Other", null, true, T0);

        assertThatThrownBy(() -> users.insert(sameId)).isInstanceOf(ConflictException.class);
        assertThat(users.findById(first.id())).contains(first);
    }

    @Test
    void count_counts_every_user() {
        long before = users.count();
        user();
        user("Org");

        assertThat(users.count()).isEqualTo(before + 2);
    }

    @Test
    void users_are_listed_oldest_first_with_the_id_breaking_ties_and_paged() {
        Instant late = T0.plusSeconds(3_000_000_000L);
        User third = new User(new UserId("c-" + fresh()), "c-" + fresh() + "@example.test", "C", null, false, late);
        User firstB = new User(
                new UserId("b-" + fresh()), "b-" + fresh() + "@example.test", "B", null, false, late.minusSeconds(1));
        User firstA = new User(
                new UserId("a-" + fresh()), "a-" + fresh() + "@example.test", "A", "acme", true, late.minusSeconds(1));
        users.insert(third);
        users.insert(firstB);
        users.insert(firstA);
        long total = users.count();

        assertThat(users.list(10, total - 3)).containsExactly(firstA, firstB, third);
        assertThat(users.list(2, total - 3)).containsExactly(firstA, firstB);
        assertThat(users.list(2, total - 1)).containsExactly(third);
        assertThat(users.list(5, total)).isEmpty();
    }

    // ---- api keys -------------------------------------------------------------------------

    @Test
    void keys_of_several_users_are_read_at_once_by_user_then_creation_revoked_ones_included() {
        User one = user();
        User two = user();
        User other = user();
        ApiKey newer =
                new ApiKey("k" + fresh().replace("-", ""), one.id(), "f".repeat(64), T0.plusSeconds(5), null, false);
        ApiKey older =
                new ApiKey("k" + fresh().replace("-", ""), one.id(), "f".repeat(64), T0, T0.plusSeconds(9), false);
        ApiKey revoked = new ApiKey("k" + fresh().replace("-", ""), two.id(), "f".repeat(64), T0, null, false);
        apiKeys.insert(newer);
        apiKeys.insert(older);
        apiKeys.insert(revoked);
        apiKey(other);
        apiKeys.revoke(revoked.id());

        List<ApiKey> found = apiKeys.findByUserIds(List.of(two.id(), one.id()));

        List<ApiKey> expected = new ArrayList<>();
        ApiKey revokedNow = new ApiKey(revoked.id(), two.id(), revoked.secretHash(), T0, null, true);
        if (one.id().value().compareTo(two.id().value()) < 0) {
            expected.addAll(List.of(older, newer, revokedNow));
        } else {
            expected.addAll(List.of(revokedNow, older, newer));
        }
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(apiKeys.findByUserIds(List.of())).isEmpty();
        assertThat(apiKeys.findByUserIds(List.of(new UserId(fresh())))).isEmpty();
    }

    private ApiKey apiKey(User owner) {
        ApiKey key = new ApiKey(fresh().replace("-", ""), owner.id(), "f".repeat(64), T0, null, false);
        apiKeys.insert(key);
        return key;
    }

    @Test
    void an_api_key_is_stored_with_its_hash_and_found_by_id() {
        ApiKey key = apiKey(user());

        assertThat(apiKeys.findById(key.id())).contains(key);
        assertThat(apiKeys.findById("missing" + fresh())).isEmpty();
    }

    @Test
    void revoking_a_key_marks_it_revoked_is_idempotent_and_reports_unknown_keys() {
        ApiKey key = apiKey(user());

        assertThat(apiKeys.revoke(key.id())).isTrue();
        assertThat(apiKeys.revoke(key.id())).isTrue();
        assertThat(apiKeys.findById(key.id()))
                .hasValueSatisfying(k -> assertThat(k.revoked()).isTrue());
        assertThat(apiKeys.revoke("missing" + fresh())).isFalse();
    }

    @Test
    void recording_a_use_sets_last_used_at_and_ignores_unknown_keys() {
        ApiKey key = apiKey(user());
        Instant when = tick();

        apiKeys.recordUse(key.id(), when);
        apiKeys.recordUse("missing" + fresh(), when);

        assertThat(apiKeys.findById(key.id()).orElseThrow().lastUsedAt()).isEqualTo(when);
    }

    @Test
    void a_taken_api_key_id_is_a_conflict() {
        ApiKey key = apiKey(user());
        ApiKey again = new ApiKey(key.id(), key.userId(), "0".repeat(64), T0, null, false);

        assertThatThrownBy(() -> apiKeys.insert(again)).isInstanceOf(ConflictException.class);
        assertThat(apiKeys.findById(key.id())).contains(key);
    }

    // ---- workspaces -----------------------------------------------------------------------

    @Test
    void a_workspace_round_trips_with_its_metadata() {
        User owner = user("Acme");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("nested", Map.of("list", List.of(1, "two", true)));
        metadata.put("nothing", null);
        Workspace w = new Workspace(
                new WorkspaceId(fresh()),
                "Research",
                null,
                metadata,
                owner.id(),
                owner.organization(),
                Scope.ORGANIZATION,
                false,
                T0,
                T0.plusMillis(1));
        workspaces.insert(w);

        assertThat(workspaces.findById(w.id())).contains(w);
        assertThat(workspaces.findById(new WorkspaceId(fresh()))).isEmpty();
    }

    @Test
    void a_taken_workspace_id_is_a_conflict() {
        Workspace w = workspace(user());
        Workspace again = newWorkspace(user(), Scope.USER, false, T0);
        Workspace sameId = new Workspace(
                w.id(),
                "x",
                null,
                null,
                again.ownerId(),
                null,
                Scope.USER,
                false,
                again.createdAt(),
                again.updatedAt());

        assertThatThrownBy(() -> workspaces.insert(sameId)).isInstanceOf(ConflictException.class);
        assertThat(workspaces.findById(w.id())).contains(w);
    }

    @Test
    void an_owner_has_at_most_one_default_workspace() {
        User owner = user();
        Workspace first = newWorkspace(owner, Scope.USER, true, tick());
        workspaces.insert(first);

        assertThatThrownBy(() -> workspaces.insert(newWorkspace(owner, Scope.USER, true, tick())))
                .isInstanceOf(ConflictException.class);
        assertThat(workspaces.findDefault(owner.id())).contains(first);

        workspaces.insert(newWorkspace(owner, Scope.USER, false, tick()));
        workspaces.insert(newWorkspace(owner, Scope.USER, false, tick()));
        User other = user();
        Workspace othersDefault = newWorkspace(other, Scope.USER, true, tick());
        workspaces.insert(othersDefault);
        assertThat(workspaces.findDefault(other.id())).contains(othersDefault);
        assertThat(workspaces.findDefault(user().id())).isEmpty();
    }

    @Test
    void concurrent_first_uses_create_exactly_one_default_workspace() throws Exception {
        User owner = user();

        List<Boolean> outcomes = runConcurrently(6, () -> {
            try {
                workspaces.insert(newWorkspace(owner, Scope.USER, true, T0));
                return true;
            } catch (ConflictException lost) {
                return false;
            }
        });

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(workspaces.listVisibleTo(users.findById(owner.id()).orElseThrow(), Scope.USER))
                .hasSize(1)
                .allMatch(Workspace::defaultWorkspace);
    }

    @Test
    void update_replaces_the_details_and_reports_unknown_workspaces() {
        User owner = user("Acme");
        Workspace w = workspace(owner);
        Instant later = tick();
        Workspace changed = w.withDetails("Renamed", "new text", Map.of("k", 2), Scope.ORGANIZATION, later);

        assertThat(workspaces.update(changed)).isTrue();
        assertThat(workspaces.findById(w.id())).contains(changed);
        assertThat(workspaces.update(newWorkspace(owner, Scope.USER, false, later)))
                .isFalse();
    }

    @Test
    void a_user_sees_their_own_workspaces_in_creation_order() {
        User owner = user("Acme");
        Workspace later = newWorkspace(owner, Scope.USER, false, T0.plusSeconds(50));
        Workspace earlier = newWorkspace(owner, Scope.ORGANIZATION, true, T0.plusSeconds(10));
        workspaces.insert(later);
        workspaces.insert(earlier);
        workspace(user("Acme"));

        assertThat(workspaces.listVisibleTo(owner, Scope.USER)).containsExactly(earlier, later);
    }

    @Test
    void organization_workspaces_are_those_scoped_to_the_callers_organization() {
        String org = "Org-" + fresh();
        User colleague = user(org);
        User caller = user(org);
        Workspace shared = newWorkspace(colleague, Scope.ORGANIZATION, false, T0.plusSeconds(5));
        Workspace own = newWorkspace(caller, Scope.ORGANIZATION, false, T0.plusSeconds(6));
        workspaces.insert(shared);
        workspaces.insert(own);
        workspaces.insert(newWorkspace(colleague, Scope.USER, false, T0));
        workspaces.insert(newWorkspace(user("Other-" + fresh()), Scope.ORGANIZATION, false, T0));

        assertThat(workspaces.listVisibleTo(caller, Scope.ORGANIZATION)).containsExactly(shared, own);
        assertThat(workspaces.listVisibleTo(user(), Scope.ORGANIZATION)).isEmpty();
    }

    @Test
    void count_projects_counts_the_projects_of_one_workspace() {
        User owner = user();
        Workspace w = workspace(owner);
        Workspace other = workspace(owner);
        project(owner, w, "one");
        project(owner, w, "two");
        project(owner, other, "three");

        assertThat(workspaces.countProjects(w.id())).isEqualTo(2);
        assertThat(workspaces.countProjects(new WorkspaceId(fresh()))).isZero();
    }

    // ---- projects: storage, names, versions ------------------------------------------------

    @Test
    void a_project_is_stored_exactly_as_given() {
        User owner = user("Acme");
        Workspace w = workspace(owner);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tags", List.of("a", "b"));
        metadata.put("depth", Map.of("x", 1.5, "y", false));
        metadata.put("none", null);
        Project p = new Project(
                new ProjectId(fresh()),
                w.id(),
                "Full project",
                "Described\nover two lines",
                metadata,
                "vision",
                ProjectStatus.ARCHIVED,
                Scope.ORGANIZATION,
                owner.id(),
                owner.organization(),
                new LabelingOptions(true, false, "pipe-1", 3, "ds-7", true),
                4,
                T0,
                T0.plusSeconds(3),
                0);
        projects.insert(p);

        assertThat(projects.findById(p.id())).contains(p);
        Project bare = project(owner, w, "bare");
        assertThat(projects.findById(bare.id())).contains(bare);
        assertThat(projects.findById(new ProjectId(fresh()))).isEmpty();
    }

    @Test
    void a_taken_project_id_is_a_conflict_and_nothing_is_stored() {
        User owner = user();
        Workspace w = workspace(owner);
        Project first = project(owner, w, "first");
        Project sameId = newProject(owner, w, "second").withVersion(0);
        Project clash = bareCopyWithIdOf(first, sameId);

        assertThatThrownBy(() -> projects.insert(clash)).isInstanceOf(ConflictException.class);
        assertThat(projects.findById(first.id())).contains(first);
        assertThat(projects.nameTaken(w.id(), owner.id(), "second")).isFalse();
    }

    @Test
    void names_are_unique_per_owner_within_a_workspace() {
        User owner = user();
        User other = user();
        Workspace w = workspace(owner);
        Workspace w2 = workspace(owner);
        project(owner, w, "Report");

        Project duplicate = newProject(owner, w, "Report");
        assertThatThrownBy(() -> projects.insert(duplicate))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Report");
        assertThat(projects.findById(duplicate.id())).isEmpty();

        project(owner, w2, "Report");
        project(other, w, "Report");
        assertThat(workspaces.countProjects(w.id())).isEqualTo(2);
    }

    private ProjectRepository.Creation creation(Project p, User owner) {
        Instant at = p.createdAt();
        return new ProjectRepository.Creation(
                p,
                ParamVersion.initial(Map.of("k", 1), "first", at),
                new Member(p.id(), owner.id(), Role.OWNER, at),
                new Event(fresh(), p.id(), EventType.CREATED, p.name(), owner.id(), at, Map.of()));
    }

    @Test
    void create_stores_the_project_with_its_first_params_its_owner_and_its_created_event() {
        User owner = user();
        Workspace w = workspace(owner);
        Project p = newProject(owner, w, "Fresh");

        uow.inTransaction(() -> {
            projects.create(creation(p, owner));
            return null;
        });

        assertThat(projects.findById(p.id())).contains(p);
        assertThat(params.history(p.id())).extracting(ParamVersion::version).containsExactly(0);
        assertThat(params.latest(p.id()).orElseThrow().params()).isEqualTo(Map.of("k", 1));
        assertThat(members.roleOf(p.id(), owner.id())).contains(Role.OWNER);
        assertThat(events.timeline(p.id())).extracting(Event::type).containsExactly(EventType.CREATED);
    }

    @Test
    void a_snapshot_reads_the_project_the_members_role_and_the_params_history_at_once() {
        User owner = user();
        User viewer = user();
        User stranger = user();
        Workspace w = workspace(owner);
        Project p = newProject(owner, w, "Snap");
        uow.inTransaction(() -> {
            projects.create(creation(p, owner));
            return null;
        });
        members.save(new Member(p.id(), viewer.id(), Role.VIEWER, tick()));
        params.append(p.id(), new ParamVersion(1, Map.of("k", 2), "second", tick()));

        ProjectRepository.Snapshot seen = projects.snapshot(p.id(), viewer.id()).orElseThrow();

        assertThat(seen.project()).isEqualTo(p);
        assertThat(seen.membership()).contains(Role.VIEWER);
        assertThat(seen.history()).extracting(ParamVersion::version).containsExactly(0, 1);
        assertThat(seen.history().get(1).params()).isEqualTo(Map.of("k", 2));
        assertThat(projects.snapshot(p.id(), owner.id()).orElseThrow().membership())
                .contains(Role.OWNER);
        assertThat(projects.snapshot(p.id(), stranger.id()).orElseThrow().membership())
                .isEmpty();
        assertThat(projects.snapshot(new ProjectId(fresh()), owner.id())).isEmpty();
    }

    @Test
    void create_with_a_taken_name_is_a_conflict_decided_by_the_store_and_stores_nothing() {
        User owner = user();
        Workspace w = workspace(owner);
        project(owner, w, "Taken");
        Project duplicate = newProject(owner, w, "Taken");

        assertThatThrownBy(() -> uow.inTransaction(() -> {
                    projects.create(creation(duplicate, owner));
                    return null;
                }))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Taken");
        assertNothingStoredOf(duplicate, owner);
    }

    @Test
    void create_with_a_taken_id_is_a_conflict() {
        User owner = user();
        Workspace w = workspace(owner);
        Project first = project(owner, w, "first");
        Project sameId = newProject(owner, w, "other name");
        Project clash = bareCopyWithIdOf(first, sameId);

        assertThatThrownBy(() -> uow.inTransaction(() -> {
                    projects.create(creation(clash, owner));
                    return null;
                }))
                .isInstanceOf(ConflictException.class);
        assertThat(projects.findById(first.id())).contains(first);
    }

    @Test
    void two_concurrent_creates_of_one_name_leave_one_project_and_one_conflict() throws Exception {
        assertTwoConcurrentCreatesOfOneName(
                "Race",
                create -> uow.inTransaction(() -> {
                    create.run();
                    return null;
                }));
    }

    /** No row of {@code project}'s create is stored: no project, params, owner membership or event. */
    private void assertNothingStoredOf(Project project, User owner) {
        assertThat(projects.findById(project.id())).isEmpty();
        assertThat(params.history(project.id())).isEmpty();
        assertThat(members.roleOf(project.id(), owner.id())).isEmpty();
        assertThat(events.timeline(project.id())).isEmpty();
    }

    /**
     * Two threads create a project of the same name in one workspace at the same moment, each
     * through {@code run}: exactly one succeeds and the other gets a conflict, whatever the timing.
     */
    private void assertTwoConcurrentCreatesOfOneName(String name, Consumer<Runnable> run) throws Exception {
        User owner = user();
        Workspace w = workspace(owner);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Project p = newProject(owner, w, name);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        run.accept(() -> projects.create(creation(p, owner)));
                        return "created";
                    } catch (ConflictException clash) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder("created", "conflict");
            assertThat(projects.findByName(w.id(), owner.id(), name)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void create_outside_a_transaction_stores_all_four_rows_as_one_unit() {
        User owner = user();
        Workspace w = workspace(owner);
        Project p = newProject(owner, w, "Alone");

        projects.create(creation(p, owner));

        assertThat(projects.findById(p.id())).contains(p);
        assertThat(params.history(p.id())).extracting(ParamVersion::version).containsExactly(0);
        assertThat(members.roleOf(p.id(), owner.id())).contains(Role.OWNER);
        assertThat(events.timeline(p.id())).extracting(Event::type).containsExactly(EventType.CREATED);
    }

    @Test
    void create_outside_a_transaction_with_a_taken_name_is_a_conflict_and_stores_nothing() {
        User owner = user();
        Workspace w = workspace(owner);
        project(owner, w, "Taken alone");
        Project duplicate = newProject(owner, w, "Taken alone");

        assertThatThrownBy(() -> projects.create(creation(duplicate, owner)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Taken alone");
        assertNothingStoredOf(duplicate, owner);
        // the store is usable afterwards (no connection left in a failed state)
        Project next = newProject(owner, w, "After the clash");
        projects.create(creation(next, owner));
        assertThat(projects.findById(next.id())).contains(next);
    }

    @Test
    void one_write_reads_then_creates_and_a_conflict_in_it_stores_nothing() {
        User owner = user();
        Workspace w = workspace(owner);
        project(owner, w, "Taken once");
        Project p = newProject(owner, w, "Once");

        uow.oneWrite(() -> {
            assertThat(workspaces.findById(w.id())).isPresent();
            projects.create(creation(p, owner));
            return null;
        });
        Project duplicate = newProject(owner, w, "Taken once");
        assertThatThrownBy(() -> uow.oneWrite(() -> {
                    workspaces.findById(w.id());
                    projects.create(creation(duplicate, owner));
                    return null;
                }))
                .isInstanceOf(ConflictException.class);

        assertThat(projects.findById(p.id())).contains(p);
        assertThat(events.timeline(p.id())).extracting(Event::type).containsExactly(EventType.CREATED);
        assertNothingStoredOf(duplicate, owner);
    }

    @Test
    void create_inside_a_transaction_that_rolls_back_stores_nothing() {
        User owner = user();
        Workspace w = workspace(owner);
        Project p = newProject(owner, w, "Rolled back");

        assertThatThrownBy(() -> uow.inTransaction(() -> {
                    projects.create(creation(p, owner));
                    throw new IllegalStateException("the caller's later step fails");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertNothingStoredOf(p, owner);
    }

    @Test
    void two_concurrent_creates_of_one_name_outside_transactions_leave_one_project_and_one_conflict() throws Exception {
        assertTwoConcurrentCreatesOfOneName("Race alone", Runnable::run);
    }

    @Test
    void batch_writes_store_many_projects_owners_and_versions_and_a_clash_is_a_conflict() {
        User owner = user();
        Workspace w = workspace(owner);
        project(owner, w, "Existing");
        List<Project> batch = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            batch.add(newProject(owner, w, "Batch " + i));
        }

        uow.inTransaction(() -> {
            projects.insertAll(batch);
            members.insertAll(batch.stream()
                    .map(p -> new Member(p.id(), owner.id(), Role.OWNER, p.createdAt()))
                    .toList());
            params.appendAll(batch.stream()
                    .map(p -> new ParamHistoryRepository.Versioned(
                            p.id(), ParamVersion.initial(Map.of("n", p.name()), null, p.createdAt())))
                    .toList());
            return null;
        });

        assertThat(projects.namesIn(w.id(), owner.id())).hasSize(701).contains("Existing", "Batch 0", "Batch 699");
        assertThat(projects.findById(batch.get(699).id())).contains(batch.get(699));
        assertThat(members.roleOf(batch.get(650).id(), owner.id())).contains(Role.OWNER);
        assertThat(params.latest(batch.get(650).id()).orElseThrow().params()).isEqualTo(Map.of("n", "Batch 650"));

        Project clash = newProject(owner, w, "Existing");
        assertThatThrownBy(() -> uow.inTransaction(() -> {
                    projects.insertAll(List.of(newProject(owner, w, "Fine"), clash));
                    return null;
                }))
                .isInstanceOf(ConflictException.class);
        assertThat(projects.findById(clash.id())).isEmpty();
        assertThatThrownBy(() -> uow.inTransaction(() -> {
                    members.insertAll(List.of(new Member(batch.get(0).id(), owner.id(), Role.OWNER, tick())));
                    return null;
                }))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> uow.inTransaction(() -> {
                    params.appendAll(List.of(new ParamHistoryRepository.Versioned(
                            batch.get(0).id(), ParamVersion.initial(Map.of(), null, tick()))));
                    return null;
                }))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void names_are_case_sensitive() {
        User owner = user();
        Workspace w = workspace(owner);
        Project upper = project(owner, w, "A");
        Project lower = project(owner, w, "a");

        assertThat(projects.findByName(w.id(), owner.id(), "A")).contains(upper);
        assertThat(projects.findByName(w.id(), owner.id(), "a")).contains(lower);
        assertThat(projects.nameTaken(w.id(), owner.id(), "A")).isTrue();
        assertThat(projects.nameTaken(w.id(), owner.id(), "b")).isFalse();
        assertThat(projects.findByName(w.id(), user().id(), "A")).isEmpty();
    }

    @Test
    void update_stores_the_project_with_the_next_version_and_returns_it() {
        User owner = user();
        Workspace w = workspace(owner);
        Project p = project(owner, w, "draft");
        Instant later = tick();

        Project saved = projects.update(p.withDetails("final", "done", Map.of("k", "v"), Scope.USER, later));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.name()).isEqualTo("final");
        assertThat(saved.updatedAt()).isEqualTo(later);
        assertThat(projects.findById(p.id())).contains(saved);
        assertThat(projects.update(saved.withStatus(ProjectStatus.ARCHIVED, tick()))
                        .version())
                .isEqualTo(2);
    }

    @Test
    void an_update_from_a_stale_version_is_rejected_and_changes_nothing() {
        User owner = user();
        Workspace w = workspace(owner);
        Project p = project(owner, w, "contested");
        Project winner = projects.update(p.withDetails("winner", null, null, Scope.USER, tick()));

        assertThatThrownBy(() -> projects.update(p.withDetails("loser", null, null, Scope.USER, tick())))
                .isInstanceOf(StaleVersionException.class);
        assertThat(projects.findById(p.id())).contains(winner);
    }

    @Test
    void updating_a_missing_project_is_not_found() {
        User owner = user();
        Project ghost = newProject(owner, workspace(owner), "ghost");

        assertThatThrownBy(() -> projects.update(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(projects.findById(ghost.id())).isEmpty();
    }

    @Test
    void renaming_onto_a_taken_name_is_a_conflict() {
        User owner = user();
        Workspace w = workspace(owner);
        project(owner, w, "taken");
        Project p = project(owner, w, "free");

        assertThatThrownBy(() -> projects.update(p.withName("taken"))).isInstanceOf(ConflictException.class);
        assertThat(projects.findById(p.id())).contains(p);
        assertThat(projects.update(p.withName("free")).version()).isEqualTo(1);
    }

    @Test
    void update_does_not_write_the_dataset_count() {
        User owner = user();
        Workspace w = workspace(owner);
        Project p = project(owner, w, "counted");
        documents.insert(document(p, "data.csv", true, new byte[] {1}, tick()));

        Project stale = with(p, "changed", p.scope(), p.status(), 99, p.createdAt(), tick());
        Project saved = projects.update(stale);

        assertThat(saved.datasetCount()).isEqualTo(1);
        assertThat(projects.findById(p.id()).orElseThrow().datasetCount()).isEqualTo(1);
    }

    @Test
    void lock_returns_the_current_project_inside_a_transaction() {
        User owner = user();
        Project p = project(owner, workspace(owner), "locked");

        assertThat(uow.inTransaction(() -> projects.lock(p.id()))).contains(p);
        assertThat(uow.inTransaction(() -> projects.lock(new ProjectId(fresh()))))
                .isEmpty();
    }

    @Test
    void locked_read_modify_write_yields_gapless_param_versions_under_concurrency() throws Exception {
        User owner = user();
        Project p = project(owner, workspace(owner), "busy");
        int threads = 4;
        int rounds = 8;

        runConcurrently(threads, () -> {
            for (int i = 0; i < rounds; i++) {
                uow.run(() -> {
                    projects.lock(p.id()).orElseThrow();
                    int next = params.latest(p.id()).map(v -> v.version() + 1).orElse(0);
                    params.append(p.id(), new ParamVersion(next, Map.of("n", next), null, T0));
                });
            }
            return null;
        });

        assertThat(params.history(p.id()))
                .extracting(ParamVersion::version)
                .containsExactlyElementsOf(
                        IntStream.range(0, threads * rounds).boxed().toList());
    }

    @Test
    void find_owned_ids_filters_by_workspace_owner_and_scope() {
        User owner = user("Acme");
        Workspace w = workspace(owner);
        Project mine = project(owner, w, "mine");
        Project org = newProject(owner, w, "org");
        projects.insert(with(org, null, Scope.ORGANIZATION, ProjectStatus.ACTIVE, 0, org.createdAt(), org.updatedAt()));
        project(owner, workspace(owner), "elsewhere");
        project(user("Acme"), w, "someone else's");

        assertThat(projects.findOwnedIds(w.id(), owner.id(), Scope.USER)).containsExactly(mine.id());
        assertThat(projects.findOwnedIds(w.id(), owner.id(), Scope.ORGANIZATION))
                .containsExactly(org.id());
    }

    @Test
    void deleting_a_project_removes_its_history_members_events_and_documents() {
        User owner = user();
        User member = user();
        Workspace w = workspace(owner);
        Project p = project(owner, w, "doomed");
        Project survivor = project(owner, w, "survivor");
        params.append(p.id(), ParamVersion.initial(Map.of("a", 1), null, T0));
        members.save(new Member(p.id(), member.id(), Role.EDITOR, T0));
        events.append(new Event(fresh(), p.id(), EventType.CREATED, null, owner.id(), T0, Map.of()));
        documents.insert(document(p, "notes.txt", false, new byte[] {1, 2}, T0));
        members.save(new Member(survivor.id(), member.id(), Role.VIEWER, T0));

        assertThat(projects.delete(p.id())).isTrue();

        assertNothingStoredOf(p, member);
        assertThat(documents.list(p.id())).isEmpty();
        assertThat(members.roleOf(survivor.id(), member.id())).contains(Role.VIEWER);
        assertThat(projects.delete(p.id())).isFalse();
        assertThat(projects.delete(new ProjectId(fresh()))).isFalse();
        project(owner, w, "doomed");
    }

    // ---- projects: search -----------------------------------------------------------------

    @Test
    void user_visibility_is_the_callers_own_projects_narrowed_by_workspace() {
        User caller = user();
        Workspace w1 = workspace(caller);
        Workspace w2 = workspace(caller);
        Project a = project(caller, w1, "a");
        Project b = project(caller, w2, "b");
        project(user(), w1, "not mine");

        assertThat(search(caller, EnumSet.of(Visibility.USER), null, null)).containsExactly(a.id(), b.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), w2.id(), null)).containsExactly(b.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), new WorkspaceId(fresh()), null))
                .isEmpty();
    }

    @Test
    void organization_visibility_is_organization_scoped_projects_of_the_callers_organization() {
        String org = "Org-" + fresh();
        User caller = user(org);
        User colleague = user(org);
        Workspace cw = workspace(colleague);
        Project orgProject = newProject(colleague, cw, "shared with org");
        orgProject = with(
                orgProject,
                null,
                Scope.ORGANIZATION,
                ProjectStatus.ACTIVE,
                0,
                orgProject.createdAt(),
                orgProject.updatedAt());
        projects.insert(orgProject);
        project(colleague, cw, "private to colleague");
        User outsider = user("Else-" + fresh());
        Workspace ow = workspace(outsider);
        Project foreign = newProject(outsider, ow, "other org");
        projects.insert(with(
                foreign, null, Scope.ORGANIZATION, ProjectStatus.ACTIVE, 0, foreign.createdAt(), foreign.updatedAt()));

        assertThat(search(caller, EnumSet.of(Visibility.ORGANIZATION), null, null))
                .containsExactly(orgProject.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), null, null)).isEmpty();
        assertThat(search(user(), EnumSet.of(Visibility.ORGANIZATION), null, null))
                .isEmpty();
    }

    @Test
    void shared_visibility_is_other_peoples_projects_where_the_caller_is_a_member() {
        User caller = user();
        User owner = user();
        Workspace w = workspace(owner);
        Project sharedWithCaller = project(owner, w, "shared");
        project(owner, w, "not shared");
        Workspace cw = workspace(caller);
        Project own = project(caller, cw, "own");
        members.save(new Member(sharedWithCaller.id(), caller.id(), Role.VIEWER, T0));
        members.save(new Member(own.id(), caller.id(), Role.OWNER, T0));

        assertThat(search(caller, EnumSet.of(Visibility.SHARED), null, null)).containsExactly(sharedWithCaller.id());
        assertThat(search(caller, EnumSet.of(Visibility.SHARED), cw.id(), null))
                .as("the workspace narrows only the caller's own projects")
                .containsExactly(sharedWithCaller.id());
    }

    @Test
    void visibilities_combine_without_listing_a_project_twice() {
        String org = "Org-" + fresh();
        User caller = user(org);
        Workspace w = workspace(caller);
        Project own = newProject(caller, w, "own and org scoped");
        projects.insert(with(own, null, Scope.ORGANIZATION, ProjectStatus.ACTIVE, 0, own.createdAt(), own.updatedAt()));
        members.save(new Member(own.id(), caller.id(), Role.OWNER, T0));
        User colleague = user(org);
        Workspace cw = workspace(colleague);
        Project theirs = newProject(colleague, cw, "org and shared");
        projects.insert(with(
                theirs, null, Scope.ORGANIZATION, ProjectStatus.ACTIVE, 0, theirs.createdAt(), theirs.updatedAt()));
        members.save(new Member(theirs.id(), caller.id(), Role.EDITOR, T0));

        Page<Project> page = projects.search(query(caller, EnumSet.allOf(Visibility.class), w.id(), null));

        assertThat(ids(page)).containsExactly(own.id(), theirs.id());
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void search_matches_name_or_description_case_insensitively_as_a_substring() {
        User caller = user();
        Workspace w = workspace(caller);
        Project byName = project(caller, w, "Quarterly REVENUE model");
        Project byDescription = newProject(caller, w, "Plain");
        byDescription = with(
                byDescription,
                "Tracks revenue per region",
                Scope.USER,
                ProjectStatus.ACTIVE,
                0,
                byDescription.createdAt(),
                byDescription.updatedAt());
        projects.insert(byDescription);
        project(caller, w, "Unrelated");

        assertThat(search(caller, EnumSet.of(Visibility.USER), null, "rEvEnUe"))
                .containsExactly(byName.id(), byDescription.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), null, "ly rev")).containsExactly(byName.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), null, "nothing like this"))
                .isEmpty();
    }

    @Test
    void search_treats_percent_underscore_and_escape_characters_literally() {
        User caller = user();
        Workspace w = workspace(caller);
        Project percent = project(caller, w, "100% done");
        project(caller, w, "1000 done");
        Project underscore = project(caller, w, "snake_case");
        project(caller, w, "snakeXcase");
        Project bang = project(caller, w, "wow! \\ ok");

        assertThat(search(caller, EnumSet.of(Visibility.USER), null, "0%")).containsExactly(percent.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), null, "e_c")).containsExactly(underscore.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), null, "w! \\")).containsExactly(bang.id());
    }

    @Test
    void the_archived_filter_selects_archived_active_or_both() {
        User caller = user();
        Workspace w = workspace(caller);
        Project active = project(caller, w, "active");
        Project archived = projects.update(project(caller, w, "archived").withStatus(ProjectStatus.ARCHIVED, tick()));

        ProjectQuery onlyArchived = ProjectQuery.builder(caller)
                .visibilities(EnumSet.of(Visibility.USER))
                .archived(true)
                .sort(ProjectSort.CREATED_AT, true)
                .page(10, 0)
                .build();
        ProjectQuery onlyActive = ProjectQuery.builder(caller)
                .visibilities(EnumSet.of(Visibility.USER))
                .archived(false)
                .sort(ProjectSort.CREATED_AT, true)
                .page(10, 0)
                .build();

        assertThat(ids(projects.search(onlyArchived))).containsExactly(archived.id());
        assertThat(ids(projects.search(onlyActive))).containsExactly(active.id());
        assertThat(search(caller, EnumSet.of(Visibility.USER), null, null)).containsExactly(active.id(), archived.id());
    }

    static Stream<Arguments> sortings() {
        return Arrays.stream(ProjectSort.values())
                .flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("sortings")
    void search_orders_by_the_sort_field_in_both_directions_with_the_id_breaking_ties(
            ProjectSort sort, boolean ascending) {
        User caller = user();
        Workspace w1 = workspace(caller);
        Workspace w2 = workspace(caller);
        List<String> names = List.of("alpha", "Beta", "gamma", "Zeta", "_under", "éclair", "beta", "alpha");
        List<Project> stored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            // the last "alpha" lives in another workspace: a tie on name; timestamps and counts tie in pairs
            Workspace w = i == names.size() - 1 ? w2 : w1;
            Project p = newProject(caller, w, names.get(i));
            Instant created = T0.plusSeconds(100 + (i / 2));
            Instant updated = T0.plusSeconds(1000 - (i % 3));
            p = with(p, null, Scope.USER, ProjectStatus.ACTIVE, i % 3, created, updated);
            projects.insert(p);
            stored.add(p);
        }
        Comparator<Project> primary = switch (sort) {
            case CREATED_AT -> Comparator.comparing(Project::createdAt);
            case UPDATED_AT -> Comparator.comparing(Project::updatedAt);
            case NAME -> Comparator.comparing(Project::name);
            case DATASET_COUNT -> Comparator.comparingInt(Project::datasetCount);
            case MODEL_COUNT, EXPERIMENT_COUNT -> (a, b) -> 0;
        };
        Comparator<Project> order = primary.thenComparing(p -> p.id().value());
        List<ProjectId> expected = stored.stream()
                .sorted(ascending ? order : order.reversed())
                .map(Project::id)
                .toList();

        Page<Project> page = projects.search(sorted(caller, EnumSet.of(Visibility.USER), sort, ascending)
                .page(100, 0)
                .build());

        assertThat(ids(page)).containsExactlyElementsOf(expected);
        assertThat(page.total()).isEqualTo(names.size());
    }

    @Test
    void paging_visits_every_match_exactly_once_and_total_counts_them_all() {
        User caller = user();
        Workspace w = workspace(caller);
        List<ProjectId> all = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Project p = newProject(caller, w, "p" + i);
            // three distinct names only in the sort key: many ties broken by id
            p = with(p, null, Scope.USER, ProjectStatus.ACTIVE, i % 3, T0, T0);
            projects.insert(p);
            all.add(p.id());
        }
        for (ProjectSort sort : List.of(ProjectSort.DATASET_COUNT, ProjectSort.CREATED_AT, ProjectSort.NAME)) {
            List<ProjectId> seen = new ArrayList<>();
            for (int offset = 0; offset < 11; offset += 4) {
                Page<Project> page = projects.search(sorted(caller, EnumSet.of(Visibility.USER), sort, false)
                        .page(4, offset)
                        .build());
                assertThat(page.total()).isEqualTo(11);
                assertThat(page.limit()).isEqualTo(4);
                assertThat(page.offset()).isEqualTo(offset);
                seen.addAll(ids(page));
            }
            assertThat(seen).as("sorted by %s", sort).hasSize(11).containsExactlyInAnyOrderElementsOf(all);
        }
        Page<Project> beyond = projects.search(ProjectQuery.builder(caller)
                .visibilities(EnumSet.of(Visibility.USER))
                .page(5, 50)
                .build());
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(11);
    }

    /**
     * A caller who sees projects through all three visibilities, with overlaps (an own project in
     * another workspace that is organization-scoped, an organization project the caller is also a
     * member of), ties on every sort key, and one archived project.
     */
    private record Mixed(User caller, Workspace home, List<Project> visible) {}

    private Mixed mixedVisibilities() {
        String org = "Org-" + fresh();
        User caller = user(org);
        Workspace home = workspace(caller);
        Workspace away = workspace(caller);
        User colleague = user(org);
        Workspace cw = workspace(colleague);
        Workspace cw2 = workspace(colleague);
        List<Project> visible = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            // owners and scopes rotate; keys tie in groups so that ids must break ties
            int kind = i % 4;
            User owner = kind == 0 || kind == 1 ? caller : colleague;
            Workspace w = kind == 0 ? home : kind == 1 ? away : kind == 2 ? cw : cw2;
            Scope scope = (kind == 1 && i < 8) || kind == 2 ? Scope.ORGANIZATION : Scope.USER;
            Project p = newProject(owner, w, "mix " + (i % 5));
            ProjectStatus status = i == 5 ? ProjectStatus.ARCHIVED : ProjectStatus.ACTIVE;
            p = with(p, "mixed", scope, status, i % 3, T0.plusSeconds(i / 3), T0.plusSeconds(50 - i / 4));
            projects.insert(p);
            if (kind == 3 || i == 2) {
                members.save(new Member(p.id(), caller.id(), Role.VIEWER, T0));
            }
            // kind 0 and kind 1 are the caller's (kind 1 in another workspace, organization-scoped
            // below i = 8); kind 2 is organization (and shared for i == 2); kind 3 is shared only
            visible.add(p);
        }
        return new Mixed(caller, home, visible);
    }

    /** The ids of {@code projects} in the order a list sorted by {@code sort} must show them. */
    private static List<ProjectId> idsInOrder(Collection<Project> projects, ProjectSort sort, boolean ascending) {
        return projects.stream().sorted(order(sort, ascending)).map(Project::id).toList();
    }

    private static Comparator<Project> order(ProjectSort sort, boolean ascending) {
        Comparator<Project> primary = switch (sort) {
            case CREATED_AT -> Comparator.comparing(Project::createdAt);
            case UPDATED_AT -> Comparator.comparing(Project::updatedAt);
            case NAME -> Comparator.comparing(Project::name);
            case DATASET_COUNT -> Comparator.comparingInt(Project::datasetCount);
            case MODEL_COUNT, EXPERIMENT_COUNT -> (a, b) -> 0;
        };
        Comparator<Project> order = primary.thenComparing(p -> p.id().value());
        return ascending ? order : order.reversed();
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("sortings")
    void pages_at_every_offset_of_a_mixed_visible_set_follow_one_order_with_ids_breaking_ties(
            ProjectSort sort, boolean ascending) {
        Mixed m = mixedVisibilities();
        Set<Visibility> all = EnumSet.allOf(Visibility.class);
        List<ProjectId> expected = idsInOrder(m.visible(), sort, ascending);

        for (int limit : List.of(1, 3, 5)) {
            List<ProjectId> seen = new ArrayList<>();
            for (int offset = 0; offset < expected.size() + limit; offset += limit) {
                Page<Project> page = projects.search(sorted(m.caller(), all, sort, ascending)
                        .page(limit, offset)
                        .build());
                assertThat(page.total()).isEqualTo(expected.size());
                assertThat(page.totalExact()).isTrue();
                seen.addAll(ids(page));
            }
            assertThat(seen).as("limit %d", limit).containsExactlyElementsOf(expected);
        }
        List<ProjectId> deep = ids(projects.search(
                sorted(m.caller(), all, sort, ascending).page(4, 9).build()));
        assertThat(deep).containsExactlyElementsOf(expected.subList(9, 13));
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("sortings")
    void a_deep_offset_lists_what_the_position_lists_there_and_counts_up_to_its_window(
            ProjectSort sort, boolean ascending) {
        Mixed m = mixedVisibilities();
        Set<Visibility> all = EnumSet.allOf(Visibility.class);
        List<ProjectId> expected = idsInOrder(m.visible(), sort, ascending);
        // 14 visible: an offset of 9 with a window of 2 counts 9 + 2 + 2 = 13, fewer than are
        // there (inexact); a window of 3 counts all 14 (exact)
        for (int window : List.of(2, 3)) {
            ProjectQuery deep = sorted(m.caller(), all, sort, ascending)
                    .page(2, 9)
                    .totalWindow(window)
                    .build();
            Page<Project> page = projects.search(deep);
            assertThat(ids(page)).as("window %d", window).containsExactlyElementsOf(expected.subList(9, 11));
            long counted = Math.min(expected.size(), deep.countLimit());
            assertThat(page.total()).as("window %d", window).isEqualTo(counted);
            assertThat(page.totalExact()).as("window %d", window).isEqualTo(expected.size() <= deep.countLimit());
            Project before = m.visible().stream()
                    .filter(p -> p.id().equals(expected.get(8)))
                    .findFirst()
                    .orElseThrow();
            Page<Project> byPosition = projects.search(sorted(m.caller(), all, sort, ascending)
                    .page(2, 0)
                    .build()
                    .after(ProjectPosition.after(before, sort, ascending)));
            assertThat(ids(byPosition)).containsExactlyElementsOf(ids(page));
        }
        // the archived filter and the workspace narrow the walk the offset skips in
        List<Project> active = m.visible().stream()
                .filter(p -> p.status() != ProjectStatus.ARCHIVED)
                .toList();
        List<ProjectId> activeInOrder = idsInOrder(active, sort, ascending);
        Page<Project> activeDeep = projects.search(sorted(m.caller(), all, sort, ascending)
                .archived(false)
                .page(3, 7)
                .build());
        assertThat(ids(activeDeep)).containsExactlyElementsOf(activeInOrder.subList(7, 10));
        assertThat(activeDeep.total()).isEqualTo(active.size());
        List<Project> home = m.visible().stream()
                .filter(p -> p.ownerId().equals(m.caller().id())
                        && p.workspaceId().equals(m.home().id()))
                .toList();
        List<ProjectId> homeInOrder = idsInOrder(home, sort, ascending);
        Page<Project> homeDeep = projects.search(sorted(m.caller(), EnumSet.of(Visibility.USER), sort, ascending)
                .workspace(m.home().id())
                .page(2, 1)
                .build());
        assertThat(ids(homeDeep)).containsExactlyElementsOf(homeInOrder.subList(1, 3));
        assertThat(homeDeep.total()).isEqualTo(home.size());
        // past the end: no rows, and still the total
        Page<Project> past = projects.search(
                sorted(m.caller(), all, sort, ascending).page(2, 20).build());
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(expected.size());
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("sortings")
    void pages_after_a_position_walk_a_mixed_set_with_ties_in_one_order_and_say_when_more_follow(
            ProjectSort sort, boolean ascending) {
        Mixed m = mixedVisibilities();
        Set<Visibility> all = EnumSet.allOf(Visibility.class);
        List<ProjectId> expected = idsInOrder(m.visible(), sort, ascending);

        for (int limit : List.of(1, 3, 5, expected.size(), expected.size() + 1)) {
            List<ProjectId> seen = new ArrayList<>();
            ProjectQuery first =
                    sorted(m.caller(), all, sort, ascending).page(limit, 0).build();
            Page<Project> page = projects.search(first.after(null));
            seen.addAll(ids(page));
            int pages = 1;
            while (page.more()) {
                // a store that ignored the position would hand out its first page forever
                assertThat(pages).as("pages, limit %d", limit).isLessThanOrEqualTo(expected.size());
                Project last = page.items().getLast();
                page = projects.search(first.after(ProjectPosition.after(last, sort, ascending)));
                assertThat(page.total()).as("the total counts the whole list").isEqualTo(expected.size());
                assertThat(page.items()).isNotEmpty();
                seen.addAll(ids(page));
                pages++;
            }
            assertThat(seen).as("limit %d", limit).containsExactlyElementsOf(expected);
            assertThat(pages)
                    .as("no empty last page, limit %d", limit)
                    .isEqualTo((expected.size() + limit - 1) / limit);
        }
    }

    @Test
    void owners_own_memberships_saved_one_by_one_or_in_batches_never_list_a_project_twice_or_as_shared() {
        User owner = user();
        User friend = user();
        Workspace ws = workspace(owner);
        Project saved = newProject(owner, ws, "saved one by one");
        Project batched = newProject(owner, ws, "saved in a batch");
        projects.insert(saved);
        projects.insert(batched);
        members.save(new Member(saved.id(), owner.id(), Role.OWNER, T0));
        members.save(new Member(saved.id(), friend.id(), Role.VIEWER, T0));
        members.insertAll(List.of(
                new Member(batched.id(), owner.id(), Role.OWNER, T0),
                new Member(batched.id(), friend.id(), Role.EDITOR, T0)));

        Set<Visibility> ownAndShared = EnumSet.of(Visibility.USER, Visibility.SHARED);
        assertThat(ids(projects.search(query(owner, ownAndShared, null, null))))
                .containsExactlyInAnyOrder(saved.id(), batched.id());
        assertThat(ids(projects.search(query(owner, EnumSet.of(Visibility.SHARED), null, null))))
                .isEmpty();
        assertThat(ids(projects.search(query(friend, ownAndShared, null, null))))
                .containsExactlyInAnyOrder(saved.id(), batched.id());
    }

    /**
     * The caller's own projects and projects shared with her, after every kind of change of a
     * shared project (rename, description, dates, dataset count, archive, delete) and of the
     * memberships (share one by one, in a batch, after a rename; unshare). A store that orders or
     * searches the shared projects by copies of their keys must keep those copies current.
     */
    private record SharedAfterChanges(User caller, List<ProjectId> visible) {}

    private SharedAfterChanges sharedProjectsAfterChanges() {
        User caller = user();
        Workspace home = workspace(caller);
        User owner = user();
        Workspace away = workspace(owner);
        List<Project> shared = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Project p = newProject(owner, away, "shared " + (i % 3) + " " + i);
            // keys tie in pairs so that ids must break ties
            p = with(
                    p,
                    "about topic " + i,
                    Scope.USER,
                    ProjectStatus.ACTIVE,
                    0,
                    T0.plusSeconds(i / 2),
                    T0.plusSeconds(30 - i / 2));
            projects.insert(p);
            shared.add(p);
        }
        for (int i = 0; i < 4; i++) {
            Project own = newProject(caller, home, "shared " + (i % 3) + " own " + i);
            projects.insert(with(
                    own, "mine", Scope.USER, ProjectStatus.ACTIVE, i % 2, T0.plusSeconds(i), T0.plusSeconds(30 - i)));
        }
        for (int i = 0; i < 4; i++) {
            members.save(new Member(shared.get(i).id(), caller.id(), Role.VIEWER, T0));
        }
        members.insertAll(List.of(
                new Member(shared.get(4).id(), caller.id(), Role.EDITOR, T0),
                new Member(shared.get(5).id(), caller.id(), Role.VIEWER, T0)));
        // rename (and new description), then dates moved to the other end of every order
        Project renamed = projects.update(
                shared.get(0).withDetails("aaa renamed", "now about zebras", null, Scope.USER, T0.plusSeconds(-100)));
        Project moved = projects.findById(shared.get(1).id()).orElseThrow();
        projects.update(with(
                moved,
                moved.description(),
                moved.scope(),
                moved.status(),
                0,
                T0.plusSeconds(1000),
                T0.plusSeconds(2000)));
        // dataset count raised by documents
        documents.insert(document(shared.get(2), "a.csv", true, new byte[] {1}, T0));
        documents.insert(document(shared.get(2), "b.csv", true, new byte[] {2}, T0));
        // archived, deleted, unshared
        projects.update(projects.findById(shared.get(3).id())
                .orElseThrow()
                .withStatus(ProjectStatus.ARCHIVED, T0.plusSeconds(-50)));
        projects.delete(shared.get(4).id());
        members.remove(shared.get(5).id(), caller.id());
        // renamed first, shared afterwards: the membership starts from the current project
        projects.update(shared.get(6).withName("zzz renamed before sharing"));
        members.save(new Member(shared.get(6).id(), caller.id(), Role.VIEWER, T0));
        assertThat(renamed.name()).isEqualTo("aaa renamed");
        List<ProjectId> visible =
                new ArrayList<>(ids(projects.search(query(caller, EnumSet.of(Visibility.USER), null, null))));
        visible.addAll(List.of(
                shared.get(0).id(),
                shared.get(1).id(),
                shared.get(2).id(),
                shared.get(3).id(),
                shared.get(6).id()));
        return new SharedAfterChanges(caller, visible);
    }

    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("sortings")
    void own_and_shared_projects_follow_every_change_of_a_shared_project_in_every_order_by_offset_and_position(
            ProjectSort sort, boolean ascending) {
        SharedAfterChanges s = sharedProjectsAfterChanges();
        Set<Visibility> ownAndShared = EnumSet.of(Visibility.USER, Visibility.SHARED);
        // the expected order from the projects as they are now
        List<ProjectId> expected = idsInOrder(projects.findByIds(s.visible()), sort, ascending);
        assertThat(expected).hasSize(9);

        ProjectQuery whole = ProjectQuery.builder(s.caller())
                .visibilities(ownAndShared)
                .sort(sort, ascending)
                .page(50, 0)
                .build();
        assertThat(ids(projects.search(whole))).containsExactlyElementsOf(expected);
        List<ProjectId> byOffset = new ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += 2) {
            byOffset.addAll(ids(projects.search(ProjectQuery.builder(s.caller())
                    .visibilities(ownAndShared)
                    .sort(sort, ascending)
                    .page(2, offset)
                    .build())));
        }
        assertThat(byOffset).containsExactlyElementsOf(expected);
        List<ProjectId> byPosition = new ArrayList<>();
        ProjectQuery first = ProjectQuery.builder(s.caller())
                .visibilities(ownAndShared)
                .sort(sort, ascending)
                .page(2, 0)
                .build();
        Page<Project> page = projects.search(first.after(null));
        byPosition.addAll(ids(page));
        while (page.more() && byPosition.size() <= expected.size()) {
            page = projects.search(
                    first.after(ProjectPosition.after(page.items().getLast(), sort, ascending)));
            byPosition.addAll(ids(page));
        }
        assertThat(byPosition).containsExactlyElementsOf(expected);
        assertThat(projects.search(whole.after(null)).total()).isEqualTo(9);
    }

    /**
     * A word none of the caller's first 1,000 projects in the list's order holds, while another
     * owner has many matches, shared with a third user: PostgreSQL's probe answers it matches first
     * (the caller's own and shared matches read from the owner- and member-and-trigram indexes,
     * counted in no order). Page, order and total must be
     * those of the plain rule, on every store.
     */
    @ParameterizedTest(name = "{0} ascending={1}")
    @MethodSource("rareInTheFirstRows")
    void a_word_absent_from_the_first_thousand_rows_lists_and_counts_every_visible_match_in_order(
            ProjectSort sort, boolean ascending) {
        User caller = user();
        User other = user();
        Workspace mine = workspace(caller);
        Workspace theirs = workspace(other);
        List<Project> batch = new ArrayList<>();
        // the matches are created first (oldest) and named to sort last
        for (int i = 0; i < 30; i++) {
            batch.add(newProject(caller, mine, "zulu Fraud " + i));
        }
        for (int i = 0; i < 1_020; i++) {
            batch.add(newProject(caller, mine, "alpha " + i));
        }
        for (int i = 0; i < 40; i++) {
            batch.add(newProject(other, theirs, "fraud elsewhere " + i));
        }
        uow.inTransaction(() -> {
            projects.insertAll(batch);
            return null;
        });
        Project shared = project(other, theirs, "mid FRAUD shared");
        members.save(new Member(shared.id(), caller.id(), Role.VIEWER, T0));
        // another user's shared matches of the same word: read past on PostgreSQL by the
        // member-and-trigram indexes of the memberships' copies, never listed for the caller
        User third = user();
        for (Project p : batch.subList(1_050, 1_090)) {
            members.save(new Member(p.id(), third.id(), Role.VIEWER, T0));
        }
        List<Project> visible = new ArrayList<>(batch.subList(0, 1_050));
        visible.add(shared);
        List<ProjectId> expected = idsInOrder(
                visible.stream()
                        .filter(p -> p.name().toLowerCase(java.util.Locale.ROOT).contains("fraud"))
                        .toList(),
                sort,
                ascending);

        Page<Project> page = projects.search(ProjectQuery.builder(caller)
                .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                .search("fraud")
                .sort(sort, ascending)
                .page(7, 3)
                .build());

        assertThat(expected).hasSize(31);
        assertThat(ids(page)).containsExactlyElementsOf(expected.subList(3, 10));
        assertThat(page.total()).isEqualTo(31);
        assertThat(page.totalExact()).isTrue();
    }

    static Stream<Arguments> rareInTheFirstRows() {
        return Stream.of(Arguments.of(ProjectSort.NAME, true), Arguments.of(ProjectSort.CREATED_AT, false));
    }

    @Test
    void a_search_of_shared_projects_finds_them_by_their_current_name_and_description() {
        SharedAfterChanges s = sharedProjectsAfterChanges();
        Set<Visibility> sharedOnly = EnumSet.of(Visibility.SHARED);

        assertThat(search(s.caller(), sharedOnly, null, "AAA RENAMED")).hasSize(1);
        assertThat(search(s.caller(), sharedOnly, null, "zebras")).hasSize(1);
        assertThat(search(s.caller(), sharedOnly, null, "topic 0"))
                .as("the old description")
                .isEmpty();
        assertThat(search(s.caller(), sharedOnly, null, "shared 0 0"))
                .as("the old name")
                .isEmpty();
        assertThat(search(s.caller(), sharedOnly, null, "renamed before sharing"))
                .hasSize(1);
        assertThat(search(s.caller(), sharedOnly, null, "topic 4"))
                .as("deleted")
                .isEmpty();
        assertThat(search(s.caller(), sharedOnly, null, "topic 5"))
                .as("unshared")
                .isEmpty();
        assertThat(search(s.caller(), sharedOnly, null, "topic")).hasSize(4);
        assertThat(projects.search(ProjectQuery.builder(s.caller())
                                .visibilities(sharedOnly)
                                .search("topic")
                                .archived(true)
                                .sort(ProjectSort.NAME, true)
                                .page(10, 0)
                                .build())
                        .items())
                .as("archived and matching")
                .extracting(Project::name)
                .containsExactly("shared 0 3");
    }

    @Test
    void a_position_after_the_last_project_gives_an_empty_page_with_nothing_more() {
        Mixed m = mixedVisibilities();
        Set<Visibility> all = EnumSet.allOf(Visibility.class);
        Project last = m.visible().stream().max(order(ProjectSort.NAME, true)).orElseThrow();
        Page<Project> page = projects.search(sorted(m.caller(), all, ProjectSort.NAME, true)
                .page(5, 0)
                .build()
                .after(ProjectPosition.after(last, ProjectSort.NAME, true)));
        assertThat(page.items()).isEmpty();
        assertThat(page.more()).isFalse();
    }

    @Test
    void filters_apply_to_every_visibility_of_a_mixed_set() {
        Mixed m = mixedVisibilities();
        Set<Visibility> all = EnumSet.allOf(Visibility.class);
        List<ProjectId> mix3 = m.visible().stream()
                .filter(p -> p.name().equals("mix 3"))
                .sorted(order(ProjectSort.CREATED_AT, false))
                .map(Project::id)
                .toList();
        List<ProjectId> archived = m.visible().stream()
                .filter(Project::isArchived)
                .map(Project::id)
                .toList();

        Page<Project> found = projects.search(ProjectQuery.builder(m.caller())
                .visibilities(all)
                .search("MIX 3")
                .sort(ProjectSort.CREATED_AT, false)
                .page(2, 1)
                .build());
        Page<Project> onlyArchived = projects.search(ProjectQuery.builder(m.caller())
                .visibilities(all)
                .archived(true)
                .sort(ProjectSort.NAME, true)
                .page(10, 0)
                .build());
        Page<Project> active = projects.search(ProjectQuery.builder(m.caller())
                .visibilities(all)
                .archived(false)
                .sort(ProjectSort.NAME, true)
                .page(10, 0)
                .build());

        assertThat(found.total()).isEqualTo(mix3.size());
        assertThat(ids(found)).containsExactlyElementsOf(mix3.subList(1, Math.min(3, mix3.size())));
        assertThat(ids(onlyArchived)).containsExactlyElementsOf(archived);
        assertThat(active.total()).isEqualTo(m.visible().size() - archived.size());
    }

    @Test
    void the_workspace_narrows_the_callers_own_projects_but_not_organization_or_shared_ones_of_a_mixed_set() {
        Mixed m = mixedVisibilities();
        List<ProjectId> expected = m.visible().stream()
                .filter(p -> !p.ownerId().equals(m.caller().id())
                        || p.workspaceId().equals(m.home().id())
                        || p.scope() == Scope.ORGANIZATION)
                .sorted(order(ProjectSort.CREATED_AT, true))
                .map(Project::id)
                .toList();

        Page<Project> page = projects.search(ProjectQuery.builder(m.caller())
                .visibilities(EnumSet.allOf(Visibility.class))
                .workspace(m.home().id())
                .sort(ProjectSort.CREATED_AT, true)
                .page(100, 0)
                .build());

        assertThat(ids(page)).containsExactlyElementsOf(expected);
        assertThat(page.total()).isEqualTo(expected.size());
    }

    @Test
    void totals_past_the_count_limit_are_reported_as_that_limit_and_flagged_as_a_lower_bound() {
        Mixed m = mixedVisibilities();
        Set<Visibility> all = EnumSet.allOf(Visibility.class);
        int size = m.visible().size();
        List<ProjectId> expected = m.visible().stream()
                .sorted(order(ProjectSort.CREATED_AT, true))
                .map(Project::id)
                .toList();

        // window 2, limit 3: at offset 0 the search counts at most 5 of the 14 matches
        Page<Project> first = projects.search(sorted(m.caller(), all, ProjectSort.CREATED_AT, true)
                .page(3, 0)
                .totalWindow(2)
                .build());
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalExact()).isFalse();
        assertThat(ids(first)).containsExactlyElementsOf(expected.subList(0, 3));

        // paging "while offset < total" still reaches every match: the bound moves with the offset
        List<ProjectId> seen = new ArrayList<>();
        long offset = 0;
        Page<Project> page;
        do {
            page = projects.search(sorted(m.caller(), all, ProjectSort.CREATED_AT, true)
                    .page(3, offset)
                    .totalWindow(2)
                    .build());
            seen.addAll(ids(page));
            offset += page.items().size();
        } while (!page.items().isEmpty() && offset < page.total());
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(page.total()).isEqualTo(size);
        assertThat(page.totalExact()).isTrue();

        // exactly at the limit the count is still exact
        Page<Project> atLimit = projects.search(sorted(m.caller(), all, ProjectSort.CREATED_AT, true)
                .page(4, 0)
                .totalWindow(size - 4)
                .build());
        assertThat(atLimit.total()).isEqualTo(size);
        assertThat(atLimit.totalExact()).isTrue();
        Page<Project> oneShort = projects.search(sorted(m.caller(), all, ProjectSort.CREATED_AT, true)
                .page(4, 0)
                .totalWindow(size - 5)
                .build());
        assertThat(oneShort.total()).isEqualTo(size - 1);
        assertThat(oneShort.totalExact()).isFalse();
    }

    @Test
    void find_by_ids_returns_the_existing_projects_ordered_by_id() {
        User owner = user();
        Workspace w = workspace(owner);
        List<Project> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stored.add(project(owner, w, "batch " + i));
        }
        List<ProjectId> asked = new ArrayList<>(stored.stream().map(Project::id).toList());
        asked.add(new ProjectId(fresh()));
        asked.add(stored.get(0).id());
        Collections.shuffle(asked);

        List<Project> found = projects.findByIds(asked);

        assertThat(found)
                .containsExactlyElementsOf(stored.stream()
                        .sorted(Comparator.comparing(p -> p.id().value()))
                        .toList());
        assertThat(projects.findByIds(List.of())).isEmpty();
    }

    // ---- param history --------------------------------------------------------------------

    @Test
    void param_versions_are_kept_in_version_order_with_their_params() {
        User owner = user();
        Project p = project(owner, workspace(owner), "tuned");
        Map<String, Object> values = new HashMap<>();
        values.put("rate", 0.25);
        values.put("layers", List.of(64, 32));
        values.put("opts", Map.of("early_stop", true));
        values.put("nothing", null);
        ParamVersion v0 = ParamVersion.initial(values, "start", T0);
        ParamVersion v1 = v0.next(Map.of("rate", 0.5), null, true, T0.plusSeconds(1));
        ParamVersion v2 = v1.next(Map.of("fresh", "start"), "reset", false, T0.plusSeconds(2));
        params.append(p.id(), v0);
        params.append(p.id(), v1);
        params.append(p.id(), v2);

        assertThat(params.history(p.id())).containsExactly(v0, v1, v2);
        assertThat(params.latest(p.id())).contains(v2);
        assertThat(params.history(new ProjectId(fresh()))).isEmpty();
        assertThat(params.latest(new ProjectId(fresh()))).isEmpty();
    }

    @Test
    void appending_an_existing_version_is_a_conflict_and_keeps_the_first() {
        User owner = user();
        Project p = project(owner, workspace(owner), "versioned");
        ParamVersion first = ParamVersion.initial(Map.of("a", 1), null, T0);
        params.append(p.id(), first);

        assertThatThrownBy(() -> params.append(p.id(), ParamVersion.initial(Map.of("a", 2), null, T0)))
                .isInstanceOf(ConflictException.class);
        assertThat(params.history(p.id())).containsExactly(first);
    }

    // ---- members --------------------------------------------------------------------------

    @Test
    void saving_a_member_again_replaces_the_role_and_keeps_created_at() {
        User owner = user();
        User member = user();
        Project p = project(owner, workspace(owner), "team");
        members.save(new Member(p.id(), member.id(), Role.VIEWER, T0));
        members.save(new Member(p.id(), member.id(), Role.ADMIN, T0.plusSeconds(60)));

        assertThat(members.roleOf(p.id(), member.id())).contains(Role.ADMIN);
        assertThat(members.list(p.id(), 10, 0).items())
                .singleElement()
                .satisfies(m -> assertThat(m.member()).isEqualTo(new Member(p.id(), member.id(), Role.ADMIN, T0)));
    }

    @Test
    void removing_a_member_is_idempotent() {
        User owner = user();
        User member = user();
        Project p = project(owner, workspace(owner), "team");
        members.save(new Member(p.id(), member.id(), Role.EDITOR, T0));

        assertThat(members.remove(p.id(), member.id())).isTrue();
        assertThat(members.remove(p.id(), member.id())).isFalse();
        assertThat(members.roleOf(p.id(), member.id())).isEmpty();
    }

    @Test
    void member_lists_are_ordered_by_creation_then_user_id_with_email_and_name_and_paged() {
        User owner = user();
        Project p = project(owner, workspace(owner), "big team");
        List<User> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(user());
        }
        List<Member> saved = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            // two pairs share a creation time: their order comes from the user id
            Member m = new Member(p.id(), people.get(i).id(), Role.VIEWER, T0.plusSeconds(i / 2));
            members.save(m);
            saved.add(m);
        }
        Collections.shuffle(saved);
        List<Member> expected = saved.stream()
                .sorted(Comparator.comparing(Member::createdAt)
                        .thenComparing(m -> m.userId().value()))
                .toList();

        Page<MemberProfile> first = members.list(p.id(), 3, 0);
        Page<MemberProfile> second = members.list(p.id(), 3, 3);

        assertThat(first.total()).isEqualTo(5);
        assertThat(second.total()).isEqualTo(5);
        List<MemberProfile> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        assertThat(all).extracting(MemberProfile::member).containsExactlyElementsOf(expected);
        for (MemberProfile profile : all) {
            User u = users.findById(profile.member().userId()).orElseThrow();
            assertThat(profile.email()).isEqualTo(u.email());
            assertThat(profile.name()).isEqualTo(u.name());
        }
        assertThat(members.list(new ProjectId(fresh()), 10, 0).items()).isEmpty();
    }

    // ---- events ---------------------------------------------------------------------------

    @Test
    void the_timeline_is_chronological_with_ids_breaking_ties() {
        User owner = user();
        Project p = project(owner, workspace(owner), "history");
        Event late = new Event("e-3", p.id(), EventType.UPDATED, "renamed", owner.id(), T0.plusSeconds(9), Map.of());
        Event tieB = new Event(
                "e-2b", p.id(), EventType.PARAMS_CHANGED, null, null, T0.plusSeconds(5), Map.of("version", 1));
        Event tieA = new Event(
                "e-2a",
                p.id(),
                EventType.MEMBER_ADDED,
                null,
                owner.id(),
                T0.plusSeconds(5),
                Map.of("user", "x", "role", "viewer"));
        Event early = new Event("e-1", p.id(), EventType.CREATED, null, owner.id(), T0, Map.of());
        Project other = project(owner, workspace(owner), "history");
        Event elsewhere = new Event("e-0", other.id(), EventType.CREATED, null, owner.id(), T0, Map.of());
        for (Event e : List.of(late, tieB, elsewhere, tieA, early)) {
            // ids are per test: prefix them so the shared store never sees one twice
            events.append(new Event(
                    p.id().value() + e.id(), e.projectId(), e.type(), e.name(), e.actor(), e.timestamp(), e.details()));
        }

        assertThat(events.timeline(p.id()))
                .extracting(e -> e.id().substring(p.id().value().length()))
                .containsExactly("e-1", "e-2a", "e-2b", "e-3");
        assertThat(events.timeline(p.id()).get(2))
                .isEqualTo(new Event(
                        p.id().value() + "e-2b",
                        p.id(),
                        EventType.PARAMS_CHANGED,
                        null,
                        null,
                        T0.plusSeconds(5),
                        Map.of("version", 1)));
        assertThat(events.timeline(new ProjectId(fresh()))).isEmpty();
    }

    // ---- documents ------------------------------------------------------------------------

    @Test
    void documents_keep_their_bytes_and_are_listed_by_creation_then_id() {
        User owner = user();
        Project p = project(owner, workspace(owner), "papers");
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        Document second = document(p, "b.pdf", false, binary, T0.plusSeconds(2));
        Document first = document(p, "a.txt", false, "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), T0);
        documents.insert(second);
        documents.insert(first);

        List<Document> listed = documents.list(p.id());

        assertThat(listed).extracting(Document::id).containsExactly(first.id(), second.id());
        Document back = listed.get(1);
        assertThat(back.content()).isEqualTo(binary);
        assertThat(back)
                .usingRecursiveComparison()
                .withEqualsForType(Arrays::equals, byte[].class)
                .isEqualTo(second);
        assertThat(documents.list(new ProjectId(fresh()))).isEmpty();
    }

    @Test
    void documents_are_described_without_text_or_bytes_in_the_order_of_the_list() {
        User owner = user();
        Project p = project(owner, workspace(owner), "described");
        Document table = document(p, "b.csv", true, new byte[] {1, 2, 3}, T0.plusSeconds(1));
        Document paper = document(p, "a.txt", false, new byte[] {4}, T0);
        documents.insert(table);
        documents.insert(paper);

        assertThat(documents.describe(p.id())).containsExactly(paper.info(), table.info());
        assertThat(documents.describe(p.id()).get(1).rows()).isEqualTo(3);
        assertThat(documents.describe(new ProjectId(fresh()))).isEmpty();
    }

    @Test
    void a_dataset_document_raises_the_dataset_count_and_other_documents_do_not() {
        User owner = user();
        Project p = project(owner, workspace(owner), "data");

        documents.insert(document(p, "a.csv", true, new byte[] {1}, T0));
        documents.insert(document(p, "b.csv", true, new byte[] {2}, T0));
        documents.insert(document(p, "c.txt", false, new byte[] {3}, T0));

        Project after = projects.findById(p.id()).orElseThrow();
        assertThat(after.datasetCount()).isEqualTo(2);
        assertThat(after.version()).isEqualTo(p.version());
        assertThat(documents.list(p.id())).hasSize(3);
    }

    @Test
    void a_document_for_a_missing_project_is_not_found() {
        User owner = user();
        Project ghost = newProject(owner, workspace(owner), "ghost");

        assertThatThrownBy(() -> documents.insert(document(ghost, "x.csv", true, new byte[] {1}, T0)))
                .isInstanceOf(NotFoundException.class);
        assertThat(documents.list(ghost.id())).isEmpty();
    }

    // ---- batch reads (export) -------------------------------------------------------------

    @Test
    void batch_reads_return_the_children_of_the_asked_projects_by_project_id_in_each_tables_order() {
        User owner = user();
        User member = user();
        Workspace w = workspace(owner);
        List<Project> asked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            asked.add(project(owner, w, "exported " + i));
        }
        Project other = project(owner, w, "not asked");
        Project empty = project(owner, w, "no children");
        for (Project p : List.of(asked.get(0), asked.get(1), asked.get(2), other)) {
            params.append(p.id(), new ParamVersion(2, Map.of("v", 2), null, T0.plusSeconds(2)));
            params.append(p.id(), new ParamVersion(1, Map.of("v", 1), "first", T0.plusSeconds(1)));
            members.save(new Member(p.id(), member.id(), Role.EDITOR, T0.plusSeconds(1)));
            members.save(new Member(p.id(), owner.id(), Role.OWNER, T0));
            events.append(new Event(
                    "b-" + fresh(), p.id(), EventType.UPDATED, "late", owner.id(), T0.plusSeconds(5), Map.of()));
            events.append(
                    new Event("a-" + fresh(), p.id(), EventType.CREATED, "early", owner.id(), T0, Map.of("k", "v")));
            documents.insert(document(p, "later.csv", true, new byte[] {1, 2, 3}, T0.plusSeconds(3)));
            documents.insert(document(p, "first.txt", false, new byte[] {9}, T0));
        }
        List<ProjectId> ids = new ArrayList<>(asked.stream().map(Project::id).toList());
        ids.add(empty.id());
        ids.add(new ProjectId(fresh()));
        Collections.shuffle(ids);
        List<ProjectId> byId = asked.stream()
                .map(Project::id)
                .sorted(Comparator.comparing(ProjectId::value))
                .toList();

        Map<ProjectId, List<ParamVersion>> histories = params.findByProjectIds(ids);
        List<MemberProfile> memberships = members.findByProjectIds(ids);
        List<Event> timeline = events.findByProjectIds(ids);
        List<Document> docs = new ArrayList<>();
        documents.findByProjectIds(ids, docs::add);

        assertThat(histories.keySet()).containsExactlyElementsOf(byId);
        histories.forEach((id, h) -> assertThat(h).isEqualTo(params.history(id)));
        assertThat(memberships)
                .containsExactlyElementsOf(byId.stream()
                        .flatMap(id -> members.list(id, 10, 0).items().stream())
                        .toList());
        assertThat(memberships.get(0).email()).isEqualTo(owner.email());
        assertThat(timeline)
                .containsExactlyElementsOf(byId.stream()
                        .flatMap(id -> events.timeline(id).stream())
                        .toList());
        assertThat(docs)
                .extracting(Document::id)
                .containsExactlyElementsOf(byId.stream()
                        .flatMap(id -> documents.list(id).stream())
                        .map(Document::id)
                        .toList());
        assertThat(docs.get(1).content()).containsExactly(1, 2, 3);

        assertThat(params.findByProjectIds(List.of())).isEmpty();
        assertThat(members.findByProjectIds(List.of())).isEmpty();
        assertThat(events.findByProjectIds(List.of())).isEmpty();
        List<Document> none = new ArrayList<>();
        documents.findByProjectIds(List.of(), none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void batch_reads_cover_more_projects_than_one_statement_takes() {
        User owner = user();
        Workspace w = workspace(owner);
        List<ProjectId> ids = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            ids.add(new ProjectId(fresh()));
        }
        Project real = project(owner, w, "among many");
        ids.add(600, real.id());
        params.append(real.id(), new ParamVersion(1, Map.of(), null, T0));
        events.append(new Event(fresh(), real.id(), EventType.CREATED, "c", null, T0, Map.of()));

        assertThat(projects.findByIds(ids)).extracting(Project::id).containsExactly(real.id());
        assertThat(params.findByProjectIds(ids)).containsOnlyKeys(real.id());
        assertThat(events.findByProjectIds(ids)).hasSize(1);
        assertThat(members.findByProjectIds(ids)).isEmpty();
    }

    @Test
    void append_all_appends_every_event() {
        User owner = user();
        Project a = project(owner, workspace(owner), "a");
        Project b = project(owner, workspace(owner), "b");
        Event e1 = new Event(fresh(), a.id(), EventType.EXPORTED, "a", owner.id(), T0, Map.of("format", "x"));
        Event e2 = new Event(fresh(), b.id(), EventType.EXPORTED, "b", null, T0.plusSeconds(1), Map.of());

        events.appendAll(List.of(e1, e2));
        events.appendAll(List.of());

        assertThat(events.timeline(a.id())).containsExactly(e1);
        assertThat(events.timeline(b.id())).containsExactly(e2);
    }

    // ---- unit of work ---------------------------------------------------------------------

    @Test
    void a_unit_of_work_commits_and_returns_the_result() {
        User owner = newUser(null);

        String result = uow.inTransaction(() -> {
            users.insert(owner);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(users.findById(owner.id())).contains(owner);
    }

    @Test
    void a_failing_unit_of_work_leaves_nothing_behind_and_rethrows_the_same_exception() {
        User owner = newUser("Acme");
        Workspace w = newWorkspace(owner, Scope.USER, true, T0);
        Project p = newProject(owner, w, "never");
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> uow.run(() -> {
                    users.insert(owner);
                    workspaces.insert(w);
                    projects.insert(p);
                    params.append(p.id(), ParamVersion.initial(Map.of(), null, T0));
                    members.save(new Member(p.id(), owner.id(), Role.OWNER, T0));
                    events.append(new Event(fresh(), p.id(), EventType.CREATED, null, owner.id(), T0, Map.of()));
                    documents.insert(document(p, "d.csv", true, new byte[] {9}, T0));
                    throw boom;
                }))
                .isSameAs(boom);

        assertThat(users.findById(owner.id())).isEmpty();
        assertThat(workspaces.findDefault(owner.id())).isEmpty();
        assertThat(projects.findById(p.id())).isEmpty();
        assertThat(params.history(p.id())).isEmpty();
        assertThat(events.timeline(p.id())).isEmpty();
        assertThat(documents.list(p.id())).isEmpty();
    }

    @Test
    void a_nested_unit_of_work_joins_the_open_one_and_rolls_back_with_it() {
        User first = newUser(null);
        User second = newUser(null);

        assertThatThrownBy(() -> uow.run(() -> {
                    uow.run(() -> users.insert(first));
                    users.insert(second);
                    throw new IllegalArgumentException("outer fails");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outer fails");

        assertThat(users.findById(first.id())).isEmpty();
        assertThat(users.findById(second.id())).isEmpty();
    }

    @Test
    void a_conflict_caught_inside_a_unit_of_work_leaves_it_usable() {
        User owner = user();
        Workspace w = workspace(owner);
        project(owner, w, "taken");
        Project duplicate = newProject(owner, w, "taken");
        Project renamed = duplicate.withName("taken (1)");

        Project saved = uow.inTransaction(() -> {
            try {
                projects.insert(duplicate);
            } catch (ConflictException expected) {
                projects.insert(renamed);
            }
            return projects.findById(renamed.id()).orElseThrow();
        });

        assertThat(saved).isEqualTo(renamed);
        assertThat(projects.findById(renamed.id())).contains(renamed);
    }

    /**
     * {@code other}'s workspace, name, owner and times under {@code first}'s id, every optional field
     * empty: a second project that clashes with the first on its id only.
     */
    private static Project bareCopyWithIdOf(Project first, Project other) {
        return new Project(
                first.id(),
                other.workspaceId(),
                other.name(),
                null,
                null,
                null,
                null,
                null,
                other.ownerId(),
                null,
                null,
                0,
                other.createdAt(),
                other.updatedAt(),
                0);
    }
}
