package dev.atelier.application.exchange;

import dev.atelier.application.project.ProjectStores;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UserRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export side of the exchange core: reads the tables of a set of projects from the
 * repositories and writes them to an {@link ExportSink}, one table at a time.
 *
 * <p>Reads are batched: the ids are taken {@link #BATCH} at a time in id order, and each table
 * reads a whole batch with one batch read of its repository ({@code findByIds}, {@code
 * findByProjectIds}), so exporting n projects costs about {@code 5 * n / BATCH} reads (plus one
 * per distinct owner for the owner's email) instead of several per project. Rows come out in
 * project id order, each project's rows in its table's own order. Memory holds the list of ids and
 * one batch of one table at a time; documents are streamed, one document's bytes at a time.
 * Projects that vanished meanwhile are skipped in every table, so references stay whole.
 */
public final class ProjectTables {
    /** Projects per batch read. */
    public static final int BATCH = 500;

    private final ProjectRepository projects;
    private final ParamHistoryRepository params;
    private final MemberRepository members;
    private final DocumentRepository documents;
    private final EventRepository events;
    private final UserRepository users;

    public ProjectTables(ProjectStores stores, UserRepository users) {
        this.projects = stores.projects();
        this.params = stores.params();
        this.members = stores.members();
        this.documents = stores.documents();
        this.events = stores.events();
        this.users = users;
    }

    /**
     * Writes {@code tables} (from beginTables to endTables): first {@code leading} tables as given
     * (workspace-level rows), then the five project tables for {@code ids}, in id order.
     *
     * @return rows written per table, in table order
     */
    public Map<String, Long> write(
            List<ProjectId> ids, Map<String, List<Map<String, Object>>> leading, ExportSink sink) {
        Map<String, Long> counts = new LinkedHashMap<>();
        sink.beginTables();
        leading.forEach((table, rows) -> {
            sink.beginTable(table);
            rows.forEach(sink::row);
            sink.endTable();
            counts.put(table, (long) rows.size());
        });
        List<ProjectId> sorted = ids.stream()
                .distinct()
                .sorted(Comparator.comparing(ProjectId::value))
                .toList();
        Map<UserId, Optional<String>> emails = new HashMap<>();
        List<List<ProjectId>> present = new ArrayList<>();
        long n = 0;
        sink.beginTable(ExportFormat.PROJECTS);
        for (List<ProjectId> batch : batches(sorted)) {
            List<ProjectId> found = new ArrayList<>(batch.size());
            for (Project p : projects.findByIds(batch)) {
                String ownerEmail = emails.computeIfAbsent(
                                p.ownerId(), u -> users.findById(u).map(User::email))
                        .orElse(null);
                sink.row(projectRow(p, ownerEmail));
                found.add(p.id());
                n++;
            }
            if (!found.isEmpty()) {
                present.add(found);
            }
        }
        sink.endTable();
        counts.put(ExportFormat.PROJECTS, n);

        n = 0;
        sink.beginTable(ExportFormat.PARAMS);
        for (List<ProjectId> batch : present) {
            for (Map.Entry<ProjectId, List<ParamVersion>> history :
                    params.findByProjectIds(batch).entrySet()) {
                for (ParamVersion v : history.getValue()) {
                    sink.row(paramRow(history.getKey(), v));
                    n++;
                }
            }
        }
        sink.endTable();
        counts.put(ExportFormat.PARAMS, n);

        n = 0;
        sink.beginTable(ExportFormat.MEMBERS);
        for (List<ProjectId> batch : present) {
            for (MemberProfile m : members.findByProjectIds(batch)) {
                sink.row(memberRow(m));
                n++;
            }
        }
        sink.endTable();
        counts.put(ExportFormat.MEMBERS, n);

        long[] documentRows = {0};
        sink.beginTable(ExportFormat.DOCUMENTS);
        for (List<ProjectId> batch : present) {
            documents.findByProjectIds(batch, d -> {
                sink.row(documentRow(d));
                documentRows[0]++;
            });
        }
        sink.endTable();
        counts.put(ExportFormat.DOCUMENTS, documentRows[0]);

        n = 0;
        sink.beginTable(ExportFormat.EVENTS);
        for (List<ProjectId> batch : present) {
            for (Event e : events.findByProjectIds(batch)) {
                sink.row(eventRow(e));
                n++;
            }
        }
        sink.endTable();
        counts.put(ExportFormat.EVENTS, n);
        sink.endTables();
        return counts;
    }

    /** {@code ids} cut into consecutive batches of at most {@link #BATCH}. */
    public static <T> List<List<T>> batches(List<T> ids) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return batches;
    }

    /** The summary object of an export: total_tables, total_rows and the rows of each table. */
    public static Map<String, Object> summary(Map<String, Long> counts) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_tables", counts.size());
        summary.put(
                "total_rows",
                counts.values().stream().mapToLong(Long::longValue).sum());
        summary.put("projects", counts.getOrDefault(ExportFormat.PROJECTS, 0L));
        counts.forEach((table, rows) -> summary.put(table, rows));
        return summary;
    }

    /** A project's labeling options as the export format (and the ZIP archive's project.json) write them. */
    public static Map<String, Object> labelingObject(LabelingOptions l) {
        Map<String, Object> labeling = new LinkedHashMap<>();
        labeling.put("rapid", l.rapid());
        labeling.put("studio", l.studio());
        labeling.put("pipeline", l.pipeline());
        labeling.put("consensus_attempts", l.consensusAttempts());
        labeling.put("dataset_id", l.datasetId());
        labeling.put("pinned", l.pinned());
        return labeling;
    }

    public static Map<String, Object> projectRow(Project p, String ownerEmail) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id().value());
        row.put("workspace_id", p.workspaceId().value());
        row.put("name", p.name());
        row.put("description", p.description());
        row.put("metadata", p.metadata());
        row.put("type", p.type());
        row.put("status", p.status().wire());
        row.put("scope", p.scope().wire());
        row.put("owner_id", p.ownerId().value());
        row.put("owner_email", ownerEmail);
        row.put("organization", p.organization());
        row.put("labeling", labelingObject(p.labeling()));
        row.put("dataset_count", p.datasetCount());
        row.put("created_at", time(p.createdAt()));
        row.put("updated_at", time(p.updatedAt()));
        return row;
    }

    static Map<String, Object> paramRow(ProjectId project, ParamVersion v) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("project_id", project.value());
        row.put("version", v.version());
        row.put("params", v.params());
        row.put("instruction", v.instruction());
        row.put("created_at", time(v.createdAt()));
        return row;
    }

    static Map<String, Object> memberRow(MemberProfile m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("project_id", m.member().projectId().value());
        row.put("user_id", m.member().userId().value());
        row.put("email", m.email());
        row.put("name", m.name());
        row.put("role", m.member().role().wire());
        row.put("created_at", time(m.member().createdAt()));
        return row;
    }

    static Map<String, Object> documentRow(Document d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("project_id", d.projectId().value());
        row.put("filename", d.filename());
        row.put("media_type", d.mediaType());
        row.put("size_bytes", d.sizeBytes());
        row.put("sha256", d.sha256());
        row.put("text", d.text());
        row.put("pages", d.pages());
        row.put("rows", d.rows());
        row.put("columns", d.columns());
        row.put("characters", d.characters());
        row.put("truncated", d.truncated());
        row.put("dataset", d.dataset());
        row.put("content_base64", Base64.getEncoder().encodeToString(d.content()));
        row.put("created_at", time(d.createdAt()));
        return row;
    }

    static Map<String, Object> eventRow(Event e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("project_id", e.projectId().value());
        row.put("type", e.type().wire());
        row.put("name", e.name());
        row.put("actor_id", e.actor() == null ? null : e.actor().value());
        row.put("timestamp", time(e.timestamp()));
        row.put("details", e.details());
        return row;
    }

    public static Map<String, Object> workspaceRow(Workspace w) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", w.id().value());
        row.put("name", w.name());
        row.put("description", w.description());
        row.put("metadata", w.metadata());
        row.put("scope", w.scope().wire());
        row.put("owner_id", w.ownerId().value());
        row.put("organization", w.organization());
        row.put("default", w.defaultWorkspace());
        row.put("created_at", time(w.createdAt()));
        row.put("updated_at", time(w.updatedAt()));
        return row;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
