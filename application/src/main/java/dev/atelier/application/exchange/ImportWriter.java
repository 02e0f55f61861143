package dev.atelier.application.exchange;

import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The write pass of an import: reads a validated export again and stores it with new ids everywhere
 * and references rewritten, following the {@link ProjectImporter.Plan} of the validation pass.
 */
final class ImportWriter {
    /** Rows per batch write (and per batch read back). */
    private static final int BATCH = 500;

    private final ProjectRepository projects;
    private final ParamHistoryRepository params;
    private final MemberRepository members;
    private final DocumentRepository documents;
    private final EventRepository events;
    private final UserRepository users;
    private final Timeline timeline;
    private final IdGenerator ids;
    private final Clock clock;

    ImportWriter(ProjectStores stores, UserRepository users, Timeline timeline, IdGenerator ids, Clock clock) {
        this.projects = stores.projects();
        this.params = stores.params();
        this.members = stores.members();
        this.documents = stores.documents();
        this.events = stores.events();
        this.users = users;
        this.timeline = timeline;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores a validated export. Must run inside the caller's transaction: a failure (a row that
     * changed between the passes, a store error) rolls everything back.
     */
    ProjectImporter.Result write(ProjectImporter.Plan plan, ExportSource source, ProjectImporter.Target target) {
        Instant now = clock.instant();
        User caller = target.caller();
        Map<String, Project> created = new LinkedHashMap<>();
        Map<String, Optional<UserId>> byEmail = new HashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        Tally tally = new Tally();
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
            ExportRows.ProjectRow row = ExportRows.projectRow(Row.of(raw, plan.what + ".tables.projects[" + i + "]"));
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
            ExportRows.ParamRow row = ExportRows.paramRow(Row.of(raw, plan.what + ".tables.project_params[" + i + "]"));
            versions.add(new ParamHistoryRepository.Versioned(
                    created.get(row.projectId()).id(), row.version()));
            tally.params++;
            if (versions.size() == BATCH) {
                params.appendAll(versions);
                versions.clear();
            }
        });
        params.appendAll(versions);

        if (target.keepMembers()) {
            source.rows(ExportFormat.MEMBERS, (i, raw) -> {
                ExportRows.MemberRow row =
                        ExportRows.memberRow(Row.of(raw, plan.what + ".tables.project_members[" + i + "]"));
                Optional<UserId> user = resolve(byEmail, row.email());
                if (user.isEmpty()) {
                    tally.membersDropped++;
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
                tally.members++;
            });
        }

        source.rows(ExportFormat.DOCUMENTS, (i, raw) -> {
            ExportRows.DocumentRow row =
                    ExportRows.documentRow(Row.of(raw, plan.what + ".tables.project_documents[" + i + "]"));
            Document d = row.document();
            documents.insert(d.copyTo(ids.newId(), created.get(row.projectId()).id(), d.createdAt()));
            tally.documents++;
        });

        List<Event> history = new ArrayList<>();
        source.rows(ExportFormat.EVENTS, (i, raw) -> {
            if (!target.history()) {
                return;
            }
            ExportRows.EventRow row = ExportRows.eventRow(Row.of(raw, plan.what + ".tables.project_events[" + i + "]"));
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
            tally.events++;
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
                details.put("members_dropped", tally.membersDropped);
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
        return new ProjectImporter.Result(stored, tally.counts(), dropped);
    }

    private Optional<UserId> resolve(Map<String, Optional<UserId>> cache, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(
                email.strip().toLowerCase(Locale.ROOT),
                e -> users.findByEmail(e).map(User::id));
    }

    /** Rows written per table, counted while writing. */
    private static final class Tally {
        long params;
        long members;
        long membersDropped;
        long documents;
        long events;

        ProjectImporter.Counts counts() {
            return new ProjectImporter.Counts(params, members, membersDropped, documents, events);
        }
    }
}
