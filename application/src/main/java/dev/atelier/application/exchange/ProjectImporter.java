package dev.atelier.application.exchange;

import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The import side of the exchange core, in two passes over an {@link ExportSource}:
 * {@link #validate} ({@link ImportValidator}) reads the whole export once, checking format,
 * version, tables, every row's types and sizes ({@link ExportRows}) and every reference between
 * tables, and writes nothing; {@link #write} ({@link ImportWriter}, inside the caller's
 * transaction) reads it again and stores it with new ids everywhere and references rewritten.
 *
 * <p>Heap: both passes hold one row at a time plus, per project, its source id, new id and next
 * param version, and per distinct source user one email: O(projects + users), independent of the
 * number of params, documents and events.
 */
public final class ProjectImporter {
    private final ImportWriter writer;

    public ProjectImporter(
            ProjectStores stores, UserRepository users, Timeline timeline, IdGenerator ids, Clock clock) {
        this.writer = new ImportWriter(stores, users, timeline, ids, clock);
    }

    /** What validation learned: the projects in order and what the write pass needs to know. */
    public static final class Plan {
        final String what;
        private final String format;
        final Map<String, Integer> nextParamVersion = new LinkedHashMap<>();
        final Map<String, String> userEmails = new HashMap<>();
        final Map<String, Long> rows = new LinkedHashMap<>();

        Plan(String what, String format) {
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

    /** Rows written per table besides the projects; {@code membersDropped} were not written. */
    public record Counts(long params, long members, long membersDropped, long documents, long events) {}

    /** What an import did. {@code projects} maps source project ids to the stored projects. */
    public record Result(Map<String, Project> projects, Counts counts, Set<String> droppedEmails) {

        public Project first() {
            return projects.values().iterator().next();
        }

        /** The summary object that import answers carry. */
        public Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("projects_imported", projects.size());
            s.put("project_params", counts.params());
            s.put("project_members", counts.members());
            s.put("members_dropped", counts.membersDropped());
            s.put("dropped_member_emails", List.copyOf(droppedEmails));
            s.put("project_documents", counts.documents());
            s.put("project_events", counts.events());
            s.put(
                    "total_rows",
                    projects.size() + counts.params() + counts.members() + counts.documents() + counts.events());
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
        return ImportValidator.validate(source, what, formats, exactlyOne);
    }

    /**
     * Stores a validated export. Must run inside the caller's transaction: a failure (a row that
     * changed between the passes, a store error) rolls everything back.
     */
    public Result write(Plan plan, ExportSource source, Target target) {
        return writer.write(plan, source, target);
    }
}
