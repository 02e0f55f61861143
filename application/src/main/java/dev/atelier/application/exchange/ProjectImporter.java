package dev.atelier.application.exchange;

import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The import side of the exchange core. {@link #validate} reads the whole export once, checking
 * format, version, tables, every row's types and sizes and every reference between tables, and
 * writes nothing; {@link #write} (inside the caller's transaction) reads it again and stores it
 * with new ids everywhere and references rewritten.
 *
 * <p>Heap: both passes hold one row at a time plus, per project, its source id, new id and next
 * param version, and per distinct source user one email: O(projects + users), independent of the
 * number of params, documents and events.
 */
public final class ProjectImporter {
    private static final int MAX_ID = 200;
    /** Rows per batch write (and per batch read back). */
    private static final int BATCH = 500;

    private static final int MAX_SHORT = 200;

    private final ProjectRepository projects;
    private final ParamHistoryRepository params;
    private final MemberRepository members;
    private final DocumentRepository documents;
    private final EventRepository events;
    private final UserRepository users;
    private final UniqueNames names;
    private final Timeline timeline;
    private final IdGenerator ids;
    private final Clock clock;

    public ProjectImporter(
            ProjectRepository projects,
            ParamHistoryRepository params,
            MemberRepository members,
            DocumentRepository documents,
            EventRepository events,
            UserRepository users,
            UniqueNames names,
            Timeline timeline,
            IdGenerator ids,
            Clock clock) {
        this.projects = projects;
        this.params = params;
        this.members = members;
        this.documents = documents;
        this.events = events;
        this.users = users;
        this.names = names;
        this.timeline = timeline;
        this.ids = ids;
        this.clock = clock;
    }

    /** What validation learned: the projects in order and what the write pass needs to know. */
    public static final class Plan {
        private final String what;
        private final String format;
        private final Map<String, Integer> nextParamVersion = new LinkedHashMap<>();
        private final Map<String, String> userEmails = new HashMap<>();
        private final Map<String, Long> rows = new LinkedHashMap<>();

        private Plan(String what, String format) {
            this.what = what;
            this.format = format;
        }

        public int projectCount() {
            return nextParamVersion.size();
        }

        public String format() {
            return format;
        }

        /** Rows per table, in table order. */
        public Map<String, Long> rows() {
            return rows;
        }
    }

    /**
     * Where and how the projects land.
     *
     * @param scope the new projects' scope; null keeps each exported one
     * @param newName the name of the single project imported; null keeps the exported one
     * @param history whether members and the timeline come along (import) or not (copy: the copy is
     *     the caller's and its timeline starts with its creation)
     * @param event what the new projects' timeline records last: imported or copied
     */
    public record Target(
            User caller, Workspace workspace, Scope scope, String newName, boolean history, EventType event) {
        public boolean keepMembers() {
            return history;
        }
    }

    /** What an import did. {@code projects} maps source project ids to the stored projects. */
    public record Result(
            Map<String, Project> projects,
            long params,
            long members,
            long membersDropped,
            Set<String> droppedEmails,
            long documents,
            long events) {

        public Project first() {
            return projects.values().iterator().next();
        }

        /** The summary object that import answers carry. */
        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("projects_imported", projects.size());
            s.put("project_params", params);
            s.put("project_members", members);
            s.put("members_dropped", membersDropped);
            s.put("dropped_member_emails", List.copyOf(droppedEmails));
            s.put("project_documents", documents);
            s.put("project_events", events);
            s.put("total_rows", projects.size() + params + members + documents + events);
            Map<String, Object> idMap = new LinkedHashMap<>();
            projects.forEach((old, p) -> idMap.put(old, p.id().value()));
            s.put("project_ids", idMap);
            return s;
        }
    }

    /**
     * Checks the whole export and writes nothing.
     *
     * @param what how the export is named in messages (e.g. "export_data")
     * @param formats the accepted format names
     * @param exactlyOne whether the export must hold exactly one project
     */
    public Plan validate(ExportSource source, String what, List<String> formats, boolean exactlyOne) {
        Map<String, Object> header = source.header();
        Object format = header.get("format");
        if (format == null) {
            throw new InvalidInputException(what + ".format is required (one of " + String.join(", ", formats) + ")");
        }
        if (!(format instanceof String f) || !formats.contains(f)) {
            throw new InvalidInputException(what + ".format must be " + String.join(" or ", formats) + "; got "
                    + (format instanceof String s ? "'" + Text.clip(s, 60) + "'" : Row.kind(format)));
        }
        Object version = header.get("format_version");
        if (version == null) {
            throw new InvalidInputException(what + ".format_version is required");
        }
        if (!(version instanceof Number n)
                || n.doubleValue() != Math.rint(n.doubleValue())
                || !ExportFormat.SUPPORTED_VERSIONS.contains(n.intValue())) {
            throw new InvalidInputException("unsupported " + what + ".format_version "
                    + (version instanceof String s ? "'" + Text.clip(s, 20) + "'" : String.valueOf(version))
                    + "; this Atelier reads format_version " + ExportFormat.SUPPORTED_VERSIONS);
        }
        List<String> present = source.tableNames();
        List<String> missing = ExportFormat.PROJECT_TABLES.stream()
                .filter(t -> !present.contains(t))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(what + ".tables is missing " + String.join(", ", missing));
        }
        Plan plan = new Plan(what, f);
        String base = what + ".tables.";

        long[] count = new long[1];
        source.rows(ExportFormat.PROJECTS, (i, raw) -> {
            Row row = Row.of(raw, base + ExportFormat.PROJECTS + "[" + i + "]");
            ProjectRow p = projectRow(row);
            if (plan.nextParamVersion.containsKey(p.id())) {
                throw row.invalid("id", "'" + Text.clip(p.id(), 64) + "' appears twice in " + ExportFormat.PROJECTS);
            }
            if (plan.nextParamVersion.size() >= ExportFormat.MAX_PROJECTS) {
                throw new InvalidInputException(
                        base + ExportFormat.PROJECTS + " holds more than " + ExportFormat.MAX_PROJECTS + " projects");
            }
            plan.nextParamVersion.put(p.id(), 0);
            if (p.ownerId() != null && p.ownerEmail() != null) {
                plan.userEmails.putIfAbsent(p.ownerId(), p.ownerEmail());
            }
            count[0]++;
        });
        plan.rows.put(ExportFormat.PROJECTS, count[0]);
        if (exactlyOne && count[0] != 1) {
            throw new InvalidInputException(
                    base + ExportFormat.PROJECTS + " must hold exactly one project, it holds " + count[0]);
        }

        count[0] = 0;
        source.rows(ExportFormat.PARAMS, (i, raw) -> {
            Row row = Row.of(raw, base + ExportFormat.PARAMS + "[" + i + "]");
            ParamRow p = paramRow(row);
            Integer expected = reference(plan, row, p.projectId());
            if (p.version().version() != expected) {
                throw row.invalid(
                        "version",
                        "must be " + expected + " (each project's versions count 0, 1, 2, … in order), got "
                                + p.version().version());
            }
            plan.nextParamVersion.put(p.projectId(), expected + 1);
            count[0]++;
        });
        plan.rows.put(ExportFormat.PARAMS, count[0]);

        count[0] = 0;
        source.rows(ExportFormat.MEMBERS, (i, raw) -> {
            Row row = Row.of(raw, base + ExportFormat.MEMBERS + "[" + i + "]");
            MemberRow m = memberRow(row);
            reference(plan, row, m.projectId());
            if (m.userId() != null) {
                plan.userEmails.putIfAbsent(m.userId(), m.email());
            }
            count[0]++;
        });
        plan.rows.put(ExportFormat.MEMBERS, count[0]);

        count[0] = 0;
        source.rows(ExportFormat.DOCUMENTS, (i, raw) -> {
            Row row = Row.of(raw, base + ExportFormat.DOCUMENTS + "[" + i + "]");
            DocumentRow d = documentRow(row);
            reference(plan, row, d.projectId());
            count[0]++;
        });
        plan.rows.put(ExportFormat.DOCUMENTS, count[0]);

        count[0] = 0;
        source.rows(ExportFormat.EVENTS, (i, raw) -> {
            Row row = Row.of(raw, base + ExportFormat.EVENTS + "[" + i + "]");
            EventRow e = eventRow(row);
            reference(plan, row, e.projectId());
            count[0]++;
        });
        plan.rows.put(ExportFormat.EVENTS, count[0]);
        return plan;
    }

    private static Integer reference(Plan plan, Row row, String projectId) {
        Integer next = plan.nextParamVersion.get(projectId);
        if (next == null) {
            throw row.invalid(
                    "project_id",
                    "'" + Text.clip(projectId, 64) + "' does not refer to a row of " + plan.what + ".tables."
                            + ExportFormat.PROJECTS);
        }
        return next;
    }

    /**
     * Stores a validated export. Must run inside the caller's transaction: a failure (a row that
     * changed between the passes, a store error) rolls everything back.
     */
    public Result write(Plan plan, ExportSource source, Target target) {
        Instant now = clock.instant();
        User caller = target.caller();
        Map<String, Project> created = new LinkedHashMap<>();
        Map<String, Optional<UserId>> byEmail = new HashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        long[] counts = new long[6];
        // names, projects, owner memberships and first versions are written in batches: an import
        // of thousands of projects is a few dozen round trips per table, not several per project
        Set<String> taken = projects.namesIn(target.workspace().id(), caller.id());
        List<Project> pendingProjects = new ArrayList<>();
        List<Member> pendingOwners = new ArrayList<>();
        List<ParamHistoryRepository.Versioned> pendingParams = new ArrayList<>();
        Runnable flushProjects = () -> {
            projects.insertAll(pendingProjects);
            members.insertAll(pendingOwners);
            params.appendAll(pendingParams);
            pendingProjects.clear();
            pendingOwners.clear();
            pendingParams.clear();
        };

        source.rows(ExportFormat.PROJECTS, (i, raw) -> {
            ProjectRow row = projectRow(Row.of(raw, plan.what + ".tables.projects[" + i + "]"));
            String wanted = target.newName() != null && plan.projectCount() == 1 ? target.newName() : row.name();
            String name = UniqueNames.firstFree(wanted, taken);
            Project project = new Project(
                    new ProjectId(ids.newId()),
                    target.workspace().id(),
                    name,
                    row.description(),
                    row.metadata(),
                    row.type(),
                    row.status(),
                    target.scope() != null ? target.scope() : row.scope(),
                    caller.id(),
                    caller.organization(),
                    row.labeling(),
                    0,
                    now,
                    now,
                    0);
            pendingProjects.add(project);
            // the owner's membership dates from the project's creation, as in the source
            pendingOwners.add(
                    new Member(project.id(), caller.id(), Role.OWNER, row.createdAt() == null ? now : row.createdAt()));
            if (plan.nextParamVersion.get(row.id()) == 0) {
                pendingParams.add(
                        new ParamHistoryRepository.Versioned(project.id(), ParamVersion.initial(Map.of(), null, now)));
            }
            created.put(row.id(), project);
            if (pendingProjects.size() == BATCH) {
                flushProjects.run();
            }
        });
        flushProjects.run();

        List<ParamHistoryRepository.Versioned> versions = new ArrayList<>();
        source.rows(ExportFormat.PARAMS, (i, raw) -> {
            ParamRow row = paramRow(Row.of(raw, plan.what + ".tables.project_params[" + i + "]"));
            versions.add(new ParamHistoryRepository.Versioned(
                    created.get(row.projectId()).id(), row.version()));
            counts[0]++;
            if (versions.size() == BATCH) {
                params.appendAll(versions);
                versions.clear();
            }
        });
        params.appendAll(versions);

        if (target.keepMembers()) {
            source.rows(ExportFormat.MEMBERS, (i, raw) -> {
                MemberRow row = memberRow(Row.of(raw, plan.what + ".tables.project_members[" + i + "]"));
                Optional<UserId> user = resolve(byEmail, row.email());
                if (user.isEmpty()) {
                    counts[2]++;
                    if (dropped.size() < ExportFormat.MAX_REPORTED_EMAILS) {
                        dropped.add(row.email());
                    }
                    return;
                }
                if (user.get().equals(caller.id())) {
                    return;
                }
                Role role = row.role() == Role.OWNER ? Role.ADMIN : row.role();
                members.save(new Member(created.get(row.projectId()).id(), user.get(), role, row.createdAt()));
                counts[1]++;
            });
        }

        source.rows(ExportFormat.DOCUMENTS, (i, raw) -> {
            DocumentRow row = documentRow(Row.of(raw, plan.what + ".tables.project_documents[" + i + "]"));
            Document d = row.document();
            documents.insert(d.copyTo(ids.newId(), created.get(row.projectId()).id(), d.createdAt()));
            counts[3]++;
        });

        List<Event> history = new ArrayList<>();
        source.rows(ExportFormat.EVENTS, (i, raw) -> {
            if (!target.history()) {
                return;
            }
            EventRow row = eventRow(Row.of(raw, plan.what + ".tables.project_events[" + i + "]"));
            UserId actor = null;
            if (row.actorId() != null && plan.userEmails.get(row.actorId()) != null) {
                actor = resolve(byEmail, plan.userEmails.get(row.actorId())).orElse(null);
            }
            history.add(new Event(
                    ids.newId(),
                    created.get(row.projectId()).id(),
                    row.type(),
                    row.name(),
                    actor,
                    row.timestamp(),
                    row.details()));
            counts[4]++;
            if (history.size() == BATCH) {
                events.appendAll(history);
                history.clear();
            }
        });
        events.appendAll(history);

        List<Event> imported = new ArrayList<>();
        created.forEach((sourceId, project) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source_project_id", sourceId);
            details.put("format", plan.format());
            if (target.keepMembers()) {
                details.put("members_dropped", counts[2]);
            }
            imported.add(timeline.event(project.id(), target.event(), project.name(), caller, details));
        });
        events.appendAll(imported);
        // read back in batches: what the store holds (its timestamps' precision, say)
        Map<ProjectId, Project> read = new HashMap<>();
        List<ProjectId> createdIds = created.values().stream().map(Project::id).toList();
        for (int from = 0; from < createdIds.size(); from += BATCH) {
            projects.findByIds(createdIds.subList(from, Math.min(createdIds.size(), from + BATCH)))
                    .forEach(p -> read.put(p.id(), p));
        }
        Map<String, Project> stored = new LinkedHashMap<>();
        created.forEach((k, p) -> stored.put(k, read.getOrDefault(p.id(), p)));
        return new Result(stored, counts[0], counts[1], counts[2], dropped, counts[3], counts[4]);
    }

    private Optional<UserId> resolve(Map<String, Optional<UserId>> cache, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(
                email.strip().toLowerCase(Locale.ROOT),
                e -> users.findByEmail(e).map(User::id));
    }

    // ---- rows

    private record ProjectRow(
            String id,
            String name,
            String description,
            Map<String, Object> metadata,
            String type,
            ProjectStatus status,
            Scope scope,
            String ownerId,
            String ownerEmail,
            LabelingOptions labeling,
            Instant createdAt) {}

    private static ProjectRow projectRow(Row row) {
        String id = row.string("id", true, MAX_ID);
        String name = row.name("name");
        String description = row.text("description", Text.MAX_DESCRIPTION);
        Map<String, Object> metadata = row.object("metadata");
        String type = row.text("type", Text.MAX_TYPE);
        ProjectStatus status = enumValue(row, "status", () -> ProjectStatus.parse(row.string("status", false, 40)));
        Scope scope = enumValue(row, "scope", () -> Scope.parse(row.string("scope", false, 40)));
        String ownerId = row.string("owner_id", false, MAX_ID);
        String ownerEmail = row.string("owner_email", false, 320);
        Map<?, ?> l = row.nested("labeling");
        Row labeling = Row.of(l, row.column("labeling"));
        LabelingOptions options = enumValue(
                row,
                "labeling",
                () -> new LabelingOptions(
                        labeling.bool("rapid", false),
                        labeling.bool("studio", false),
                        labeling.string("pipeline", false, Text.MAX_TYPE),
                        labeling.integer("consensus_attempts", false, 0, 1000) == null
                                ? null
                                : labeling.integer("consensus_attempts", false, 0, 1000)
                                        .intValue(),
                        labeling.string("dataset_id", false, Text.MAX_NAME),
                        Boolean.TRUE.equals(labeling.bool("pinned", false))));
        row.integer("dataset_count", false, 0, Integer.MAX_VALUE);
        Instant createdAt = row.instant("created_at", false);
        row.instant("updated_at", false);
        return new ProjectRow(
                id, name, description, metadata, type, status, scope, ownerId, ownerEmail, options, createdAt);
    }

    private record ParamRow(String projectId, ParamVersion version) {}

    private static ParamRow paramRow(Row row) {
        String projectId = row.string("project_id", true, MAX_ID);
        int version = row.integer("version", true, 0, Integer.MAX_VALUE).intValue();
        Map<String, Object> values = row.object("params");
        String instruction = row.text("instruction", Text.MAX_DESCRIPTION);
        Instant createdAt = row.instant("created_at", true);
        return new ParamRow(projectId, new ParamVersion(version, values, instruction, createdAt));
    }

    private record MemberRow(String projectId, String userId, String email, Role role, Instant createdAt) {}

    private static MemberRow memberRow(Row row) {
        String projectId = row.string("project_id", true, MAX_ID);
        String userId = row.string("user_id", false, MAX_ID);
        String email = row.string("email", true, 320);
        if (!email.contains("@")) {
            throw row.invalid("email", "must be an email address");
        }
        row.text("name", Text.MAX_NAME);
        String roleText = row.string("role", true, 40);
        Role role = enumValue(row, "role", () -> Role.parse(roleText, Role.VIEWER));
        Instant createdAt = row.instant("created_at", true);
        return new MemberRow(projectId, userId, email, role, createdAt);
    }

    private record DocumentRow(String projectId, Document document) {}

    private static DocumentRow documentRow(Row row) {
        row.string("id", false, MAX_ID);
        String projectId = row.string("project_id", true, MAX_ID);
        String filename = row.string("filename", true, 1000);
        String mediaType = row.string("media_type", true, MAX_SHORT);
        long size = row.integer("size_bytes", true, 0, ExportFormat.MAX_DOCUMENT_BYTES);
        String sha256 = row.string("sha256", true, 64);
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw row.invalid("sha256", "must be 64 hexadecimal digits");
        }
        String text = row.string("text", false, ExportFormat.MAX_DOCUMENT_TEXT);
        Long pages = row.integer("pages", false, 0, Integer.MAX_VALUE);
        Long rows = row.integer("rows", false, 0, Integer.MAX_VALUE);
        Long columns = row.integer("columns", false, 0, Integer.MAX_VALUE);
        Long characters = row.integer("characters", false, 0, Integer.MAX_VALUE);
        Boolean truncated = row.bool("truncated", false);
        Boolean dataset = row.bool("dataset", false);
        String encoded = row.string("content_base64", true, (int) (4 * ((ExportFormat.MAX_DOCUMENT_BYTES + 2) / 3)));
        byte[] content;
        try {
            content = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw row.invalid("content_base64", "is not valid base64");
        }
        if (content.length != size) {
            throw row.invalid(
                    "size_bytes", "says " + size + " bytes but content_base64 holds " + content.length + " bytes");
        }
        if (!Document.sha256Of(content).equalsIgnoreCase(sha256)) {
            throw row.invalid("sha256", "does not match the bytes in content_base64");
        }
        Instant createdAt = row.instant("created_at", true);
        Document document = new Document(
                "pending",
                new ProjectId("pending"),
                filename,
                mediaType,
                size,
                sha256.toLowerCase(Locale.ROOT),
                text,
                pages == null ? null : pages.intValue(),
                rows == null ? null : rows.intValue(),
                columns == null ? null : columns.intValue(),
                characters == null ? (text == null ? 0 : text.length()) : characters.intValue(),
                Boolean.TRUE.equals(truncated),
                Boolean.TRUE.equals(dataset),
                content,
                createdAt);
        return new DocumentRow(projectId, document);
    }

    private record EventRow(
            String projectId,
            EventType type,
            String name,
            String actorId,
            Instant timestamp,
            Map<String, Object> details) {}

    private static EventRow eventRow(Row row) {
        row.string("id", false, MAX_ID);
        String projectId = row.string("project_id", true, MAX_ID);
        String typeText = row.string("type", true, 60);
        EventType type;
        try {
            type = EventType.fromWire(typeText.strip());
        } catch (IllegalArgumentException e) {
            throw row.invalid("type", "'" + Text.clip(typeText, 40) + "' is not an event type Atelier knows");
        }
        String name = row.text("name", Text.MAX_NAME);
        String actorId = row.string("actor_id", false, MAX_ID);
        Instant timestamp = row.instant("timestamp", true);
        Map<String, Object> details = row.object("details");
        return new EventRow(projectId, type, name, actorId, timestamp, details);
    }

    private static <T> T enumValue(Row row, String column, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            String message = e.getMessage();
            if (message != null && message.startsWith(row.where())) {
                throw e;
            }
            throw new InvalidInputException(row.column(column) + ": " + message);
        }
    }

    static List<String> accepted(String... formats) {
        return new ArrayList<>(List.of(formats));
    }
}
