package dev.atelier.domain.fake;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * In-memory implementation of every repository port and of the unit of work, for use-case tests
 * and as the reference the repository contract tests also run against. Transactions are
 * serialized on one lock and roll back by restoring a snapshot.
 */
public final class InMemoryStore implements UnitOfWork {
    private State state = new State();
    private int depth;

    private static final class State {
        final Map<UserId, User> users = new LinkedHashMap<>();
        final Map<String, ApiKey> keys = new LinkedHashMap<>();
        final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
        final Map<ProjectId, Project> projects = new LinkedHashMap<>();
        final Map<ProjectId, List<ParamVersion>> params = new LinkedHashMap<>();
        final Map<ProjectId, Map<UserId, Member>> members = new LinkedHashMap<>();
        final Map<ProjectId, List<Event>> events = new LinkedHashMap<>();
        final Map<ProjectId, List<Document>> documents = new LinkedHashMap<>();

        State copy() {
            State s = new State();
            s.users.putAll(users);
            s.keys.putAll(keys);
            s.workspaces.putAll(workspaces);
            s.projects.putAll(projects);
            params.forEach((k, v) -> s.params.put(k, new ArrayList<>(v)));
            members.forEach((k, v) -> s.members.put(k, new LinkedHashMap<>(v)));
            events.forEach((k, v) -> s.events.put(k, new ArrayList<>(v)));
            documents.forEach((k, v) -> s.documents.put(k, new ArrayList<>(v)));
            return s;
        }
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        State snapshot = state.copy();
        depth++;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            state = snapshot;
            throw e;
        } finally {
            depth--;
        }
    }

    /** Distinct ids in code-point order, the order of every batch read. */
    private static List<ProjectId> sortedIds(Collection<ProjectId> ids) {
        TreeSet<String> sorted = new TreeSet<>();
        ids.forEach(id -> sorted.add(id.value()));
        return sorted.stream().map(ProjectId::new).toList();
    }

    public final UserRepository users = new UserRepository() {
        @Override
        public void insert(User user) {
            synchronized (InMemoryStore.this) {
                if (state.users.containsKey(user.id())
                        || state.users.values().stream().anyMatch(u -> u.email().equals(user.email()))) {
                    throw new ConflictException("user exists");
                }
                state.users.put(user.id(), user);
            }
        }

        @Override
        public Optional<User> findById(UserId id) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(state.users.get(id));
            }
        }

        @Override
        public Optional<User> findByEmail(String email) {
            synchronized (InMemoryStore.this) {
                return state.users.values().stream()
                        .filter(u -> u.email().equals(email))
                        .findFirst();
            }
        }

        @Override
        public long count() {
            synchronized (InMemoryStore.this) {
                return state.users.size();
            }
        }

        @Override
        public List<User> list(int limit, long offset) {
            synchronized (InMemoryStore.this) {
                return state.users.values().stream()
                        .sorted(Comparator.comparing(User::createdAt).thenComparing(u -> u.id().value()))
                        .skip(offset)
                        .limit(limit)
                        .toList();
            }
        }
    };

    public final ApiKeyRepository apiKeys = new ApiKeyRepository() {
        @Override
        public void insert(ApiKey key) {
            synchronized (InMemoryStore.this) {
                if (state.keys.putIfAbsent(key.id(), key) != null) {
                    throw new ConflictException("key exists");
                }
            }
        }

        @Override
        public Optional<ApiKey> findById(String keyId) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(state.keys.get(keyId));
            }
        }

        @Override
        public void recordUse(String keyId, Instant when) {
            synchronized (InMemoryStore.this) {
                state.keys.computeIfPresent(
                        keyId,
                        (k, v) -> new ApiKey(v.id(), v.userId(), v.secretHash(), v.createdAt(), when, v.revoked()));
            }
        }

        @Override
        public boolean revoke(String keyId) {
            synchronized (InMemoryStore.this) {
                return state.keys.computeIfPresent(
                                keyId,
                                (k, v) -> new ApiKey(
                                        v.id(), v.userId(), v.secretHash(), v.createdAt(), v.lastUsedAt(), true))
                        != null;
            }
        }

        @Override
        public List<ApiKey> findByUserIds(Collection<UserId> users) {
            Set<UserId> wanted = Set.copyOf(users);
            synchronized (InMemoryStore.this) {
                return state.keys.values().stream()
                        .filter(k -> wanted.contains(k.userId()))
                        .sorted(Comparator.comparing((ApiKey k) -> k.userId().value())
                                .thenComparing(ApiKey::createdAt)
                                .thenComparing(ApiKey::id))
                        .toList();
            }
        }
    };

    public final WorkspaceRepository workspaces = new WorkspaceRepository() {
        @Override
        public void insert(Workspace workspace) {
            synchronized (InMemoryStore.this) {
                if (state.workspaces.containsKey(workspace.id())) {
                    throw new ConflictException("workspace exists");
                }
                if (workspace.defaultWorkspace()
                        && findDefault(workspace.ownerId()).isPresent()) {
                    throw new ConflictException("default workspace exists");
                }
                state.workspaces.put(workspace.id(), workspace);
            }
        }

        @Override
        public boolean update(Workspace workspace) {
            synchronized (InMemoryStore.this) {
                return state.workspaces.replace(workspace.id(), workspace) != null;
            }
        }

        @Override
        public Optional<Workspace> findById(WorkspaceId id) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(state.workspaces.get(id));
            }
        }

        @Override
        public Optional<Workspace> findDefault(UserId owner) {
            synchronized (InMemoryStore.this) {
                return state.workspaces.values().stream()
                        .filter(w -> w.defaultWorkspace() && w.ownerId().equals(owner))
                        .findFirst();
            }
        }

        @Override
        public List<Workspace> listVisibleTo(User user, Scope scope) {
            synchronized (InMemoryStore.this) {
                return state.workspaces.values().stream()
                        .filter(w -> scope == Scope.USER
                                ? w.ownerId().equals(user.id())
                                : w.scope() == Scope.ORGANIZATION && user.sameOrganizationAs(w.organization()))
                        .sorted(Comparator.comparing(Workspace::createdAt).thenComparing(w -> w.id().value()))
                        .toList();
            }
        }

        @Override
        public long countProjects(WorkspaceId id) {
            synchronized (InMemoryStore.this) {
                return state.projects.values().stream()
                        .filter(p -> p.workspaceId().equals(id))
                        .count();
            }
        }
    };

    public final ProjectRepository projects = new ProjectRepository() {
        @Override
        public void insert(Project project) {
            synchronized (InMemoryStore.this) {
                if (state.projects.containsKey(project.id())) {
                    throw new ConflictException("project id " + project.id() + " is already in use");
                }
                if (nameTaken(project.workspaceId(), project.ownerId(), project.name())) {
                    throw new ConflictException(
                            "a project named '" + project.name() + "' already exists in this workspace");
                }
                state.projects.put(project.id(), project);
            }
        }

        @Override
        public void insertAll(List<Project> projects) {
            synchronized (InMemoryStore.this) {
                projects.forEach(this::insert);
            }
        }

        @Override
        public java.util.Set<String> namesIn(WorkspaceId workspace, UserId owner) {
            synchronized (InMemoryStore.this) {
                return state.projects.values().stream()
                        .filter(p ->
                                p.workspaceId().equals(workspace) && p.ownerId().equals(owner))
                        .map(Project::name)
                        .collect(java.util.stream.Collectors.toSet());
            }
        }

        @Override
        public Optional<Snapshot> snapshot(ProjectId id, UserId member) {
            synchronized (InMemoryStore.this) {
                return findById(id).map(p -> new Snapshot(p, members.roleOf(id, member), params.history(id)));
            }
        }

        @Override
        public void create(Creation creation) {
            synchronized (InMemoryStore.this) {
                insert(creation.project());
                params.append(creation.project().id(), creation.params());
                members.save(creation.owner());
                events.append(creation.created());
            }
        }

        @Override
        public Project update(Project project) {
            synchronized (InMemoryStore.this) {
                Project stored = state.projects.get(project.id());
                if (stored == null) {
                    throw new NotFoundException("project " + project.id() + " not found");
                }
                if (stored.version() != project.version()) {
                    throw new StaleVersionException("project " + project.id() + " was changed concurrently");
                }
                boolean clash = state.projects.values().stream()
                        .anyMatch(p -> !p.id().equals(project.id())
                                && p.workspaceId().equals(project.workspaceId())
                                && p.ownerId().equals(project.ownerId())
                                && p.name().equals(project.name()));
                if (clash) {
                    throw new ConflictException(
                            "a project named '" + project.name() + "' already exists in this workspace");
                }
                Project saved = new Project(
                        project.id(),
                        project.workspaceId(),
                        project.name(),
                        project.description(),
                        project.metadata(),
                        project.type(),
                        project.status(),
                        project.scope(),
                        project.ownerId(),
                        project.organization(),
                        project.labeling(),
                        stored.datasetCount(),
                        project.createdAt(),
                        project.updatedAt(),
                        stored.version() + 1);
                state.projects.put(saved.id(), saved);
                return saved;
            }
        }

        @Override
        public Optional<Project> findById(ProjectId id) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(state.projects.get(id));
            }
        }

        @Override
        public Optional<Project> lock(ProjectId id) {
            return findById(id);
        }

        @Override
        public Optional<Project> findByName(WorkspaceId workspace, UserId owner, String name) {
            synchronized (InMemoryStore.this) {
                return state.projects.values().stream()
                        .filter(p -> p.workspaceId().equals(workspace)
                                && p.ownerId().equals(owner)
                                && p.name().equals(name))
                        .findFirst();
            }
        }

        @Override
        public boolean nameTaken(WorkspaceId workspace, UserId owner, String name) {
            return findByName(workspace, owner, name).isPresent();
        }

        @Override
        public Page<Project> search(ProjectQuery q) {
            synchronized (InMemoryStore.this) {
                List<Project> matches = state.projects.values().stream()
                        .filter(p -> visible(q, p))
                        .filter(p -> matches(q, p))
                        .sorted(order(q))
                        .toList();
                boolean exact = matches.size() <= q.countLimit();
                long total = exact ? matches.size() : q.countLimit();
                if (q.after() != null) {
                    int from = 0;
                    while (from < matches.size() && !comesAfter(matches.get(from), q.after())) {
                        from++;
                    }
                    int to = Math.min(from + q.limit(), matches.size());
                    return new Page<>(matches.subList(from, to), total, q.limit(), 0, exact, to < matches.size());
                }
                int from = (int) Math.min(q.offset(), matches.size());
                int to = Math.min(from + q.limit(), matches.size());
                return new Page<>(matches.subList(from, to), total, q.limit(), q.offset(), exact);
            }
        }

        @Override
        public List<Project> findByIds(Collection<ProjectId> ids) {
            synchronized (InMemoryStore.this) {
                return sortedIds(ids).stream()
                        .map(state.projects::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
            }
        }

        /** Whether {@code p} comes strictly after {@code position} in the position's (key, id) order. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static boolean comesAfter(Project p, dev.atelier.domain.model.ProjectPosition position) {
            Object key = dev.atelier.domain.model.ProjectPosition.after(p, position.sort(), position.ascending())
                    .key();
            int c = key == null ? 0 : ((Comparable) key).compareTo(position.key());
            if (c == 0) {
                c = p.id().value().compareTo(position.id().value());
            }
            return position.ascending() ? c > 0 : c < 0;
        }

        private boolean visible(ProjectQuery q, Project p) {
            User caller = q.caller();
            boolean own = p.ownerId().equals(caller.id())
                    && (q.workspace() == null || p.workspaceId().equals(q.workspace()));
            boolean org = p.scope() == Scope.ORGANIZATION && caller.sameOrganizationAs(p.organization());
            Map<UserId, Member> m = state.members.getOrDefault(p.id(), Map.of());
            boolean shared = !p.ownerId().equals(caller.id()) && m.containsKey(caller.id());
            return (q.visibilities().contains(Visibility.USER) && own)
                    || (q.visibilities().contains(Visibility.ORGANIZATION) && org)
                    || (q.visibilities().contains(Visibility.SHARED) && shared);
        }

        private boolean matches(ProjectQuery q, Project p) {
            if (q.archived() != null && q.archived() != p.isArchived()) {
                return false;
            }
            if (q.search() == null) {
                return true;
            }
            String needle = q.search().toLowerCase(Locale.ROOT);
            return p.name().toLowerCase(Locale.ROOT).contains(needle)
                    || (p.description() != null
                            && p.description().toLowerCase(Locale.ROOT).contains(needle));
        }

        private Comparator<Project> order(ProjectQuery q) {
            Comparator<Project> primary = switch (q.sort()) {
                case NAME -> Comparator.comparing(Project::name);
                case UPDATED_AT -> Comparator.comparing(Project::updatedAt);
                case DATASET_COUNT -> Comparator.comparingInt(Project::datasetCount);
                case MODEL_COUNT, EXPERIMENT_COUNT, CREATED_AT -> Comparator.comparing(Project::createdAt);
            };
            if (q.sort() == ProjectSort.MODEL_COUNT || q.sort() == ProjectSort.EXPERIMENT_COUNT) {
                primary = (a, b) -> 0;
            }
            Comparator<Project> withTie = primary.thenComparing(p -> p.id().value());
            return q.ascending() ? withTie : withTie.reversed();
        }

        @Override
        public List<ProjectId> findOwnedIds(WorkspaceId workspace, UserId owner, Scope scope) {
            synchronized (InMemoryStore.this) {
                return state.projects.values().stream()
                        .filter(p ->
                                p.workspaceId().equals(workspace) && p.ownerId().equals(owner) && p.scope() == scope)
                        .map(Project::id)
                        .toList();
            }
        }

        @Override
        public boolean delete(ProjectId id) {
            synchronized (InMemoryStore.this) {
                state.params.remove(id);
                state.members.remove(id);
                state.events.remove(id);
                state.documents.remove(id);
                return state.projects.remove(id) != null;
            }
        }
    };

    public final ParamHistoryRepository params = new ParamHistoryRepository() {
        @Override
        public void append(ProjectId project, ParamVersion version) {
            synchronized (InMemoryStore.this) {
                List<ParamVersion> history = state.params.computeIfAbsent(project, k -> new ArrayList<>());
                if (history.stream().anyMatch(v -> v.version() == version.version())) {
                    throw new ConflictException("params version " + version.version() + " already exists");
                }
                history.add(version);
                history.sort(Comparator.comparingInt(ParamVersion::version));
            }
        }

        @Override
        public void appendAll(List<Versioned> versions) {
            synchronized (InMemoryStore.this) {
                versions.forEach(v -> append(v.project(), v.version()));
            }
        }

        @Override
        public List<ParamVersion> history(ProjectId project) {
            synchronized (InMemoryStore.this) {
                return List.copyOf(state.params.getOrDefault(project, List.of()));
            }
        }

        @Override
        public Optional<ParamVersion> latest(ProjectId project) {
            List<ParamVersion> h = history(project);
            return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
        }

        @Override
        public Map<ProjectId, List<ParamVersion>> findByProjectIds(Collection<ProjectId> projects) {
            synchronized (InMemoryStore.this) {
                Map<ProjectId, List<ParamVersion>> result = new LinkedHashMap<>();
                for (ProjectId id : sortedIds(projects)) {
                    List<ParamVersion> h = history(id);
                    if (!h.isEmpty()) {
                        result.put(id, h);
                    }
                }
                return result;
            }
        }
    };

    public final MemberRepository members = new MemberRepository() {
        @Override
        public void save(Member member) {
            synchronized (InMemoryStore.this) {
                Map<UserId, Member> m = state.members.computeIfAbsent(member.projectId(), k -> new LinkedHashMap<>());
                Member existing = m.get(member.userId());
                m.put(
                        member.userId(),
                        existing == null
                                ? member
                                : new Member(member.projectId(), member.userId(), member.role(), existing.createdAt()));
            }
        }

        @Override
        public void insertAll(List<Member> members) {
            synchronized (InMemoryStore.this) {
                for (Member member : members) {
                    if (state.members.getOrDefault(member.projectId(), Map.of()).containsKey(member.userId())) {
                        throw new ConflictException("member " + member.userId() + " already belongs to the project");
                    }
                    save(member);
                }
            }
        }

        @Override
        public boolean remove(ProjectId project, UserId user) {
            synchronized (InMemoryStore.this) {
                Map<UserId, Member> m = state.members.get(project);
                return m != null && m.remove(user) != null;
            }
        }

        @Override
        public Optional<Role> roleOf(ProjectId project, UserId user) {
            synchronized (InMemoryStore.this) {
                return Optional.ofNullable(
                                state.members.getOrDefault(project, Map.of()).get(user))
                        .map(Member::role);
            }
        }

        @Override
        public Page<MemberProfile> list(ProjectId project, int limit, long offset) {
            synchronized (InMemoryStore.this) {
                List<MemberProfile> all = state.members.getOrDefault(project, Map.of()).values().stream()
                        .sorted(Comparator.comparing(Member::createdAt)
                                .thenComparing(m -> m.userId().value()))
                        .map(m -> {
                            User u = state.users.get(m.userId());
                            return new MemberProfile(m, u == null ? null : u.email(), u == null ? null : u.name());
                        })
                        .toList();
                int from = (int) Math.min(offset, all.size());
                int to = Math.min(from + limit, all.size());
                return new Page<>(all.subList(from, to), all.size(), limit, offset);
            }
        }

        @Override
        public List<MemberProfile> findByProjectIds(Collection<ProjectId> projects) {
            synchronized (InMemoryStore.this) {
                List<MemberProfile> result = new ArrayList<>();
                for (ProjectId id : sortedIds(projects)) {
                    result.addAll(list(id, Integer.MAX_VALUE, 0).items());
                }
                return result;
            }
        }
    };

    public final EventRepository events = new EventRepository() {
        @Override
        public void append(Event event) {
            synchronized (InMemoryStore.this) {
                state.events
                        .computeIfAbsent(event.projectId(), k -> new ArrayList<>())
                        .add(event);
            }
        }

        @Override
        public List<Event> timeline(ProjectId project) {
            synchronized (InMemoryStore.this) {
                return state.events.getOrDefault(project, List.of()).stream()
                        .sorted(Comparator.comparing(Event::timestamp).thenComparing(Event::id))
                        .toList();
            }
        }

        @Override
        public List<Event> findByProjectIds(Collection<ProjectId> projects) {
            synchronized (InMemoryStore.this) {
                List<Event> result = new ArrayList<>();
                for (ProjectId id : sortedIds(projects)) {
                    result.addAll(timeline(id));
                }
                return result;
            }
        }

        @Override
        public void appendAll(List<Event> events) {
            synchronized (InMemoryStore.this) {
                events.forEach(this::append);
            }
        }
    };

    public final DocumentRepository documents = new DocumentRepository() {
        @Override
        public void insert(Document document) {
            synchronized (InMemoryStore.this) {
                Project p = state.projects.get(document.projectId());
                if (p == null) {
                    throw new NotFoundException("project " + document.projectId() + " not found");
                }
                state.documents
                        .computeIfAbsent(document.projectId(), k -> new ArrayList<>())
                        .add(document);
                if (document.dataset()) {
                    state.projects.put(
                            p.id(),
                            new Project(
                                    p.id(),
                                    p.workspaceId(),
                                    p.name(),
                                    p.description(),
                                    p.metadata(),
                                    p.type(),
                                    p.status(),
                                    p.scope(),
                                    p.ownerId(),
                                    p.organization(),
                                    p.labeling(),
                                    p.datasetCount() + 1,
                                    p.createdAt(),
                                    p.updatedAt(),
                                    p.version()));
                }
            }
        }

        @Override
        public List<Document> list(ProjectId project) {
            synchronized (InMemoryStore.this) {
                return state.documents.getOrDefault(project, List.of()).stream()
                        .sorted(Comparator.comparing(Document::createdAt).thenComparing(Document::id))
                        .toList();
            }
        }

        @Override
        public List<DocumentInfo> describe(ProjectId project) {
            return list(project).stream().map(Document::info).toList();
        }

        @Override
        public void findByProjectIds(Collection<ProjectId> projects, Consumer<Document> consumer) {
            List<Document> all = new ArrayList<>();
            synchronized (InMemoryStore.this) {
                for (ProjectId id : sortedIds(projects)) {
                    all.addAll(list(id));
                }
            }
            all.forEach(consumer);
        }
    };
}
