package dev.atelier.application.exchange;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Text;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The validation pass of an import: reads the whole export once, checking format, version, tables,
 * every row's types and sizes and every reference between tables, and writes nothing. What it
 * learns (the projects in order, each one's next param version, the users' emails, rows per table)
 * is the {@link ProjectImporter.Plan} that the write pass follows.
 */
final class ImportValidator {
    private ImportValidator() {}

    static ProjectImporter.Plan validate(ExportSource source, String what, List<String> formats, boolean exactlyOne) {
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
        ProjectImporter.Plan plan = new ProjectImporter.Plan(what, f);
        String base = what + ".tables.";

        long projects = check(source, plan, ExportFormat.PROJECTS, ExportRows::projectRow, (row, p) -> {
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
        });
        if (exactlyOne && projects != 1) {
            throw new InvalidInputException(
                    base + ExportFormat.PROJECTS + " must hold exactly one project, it holds " + projects);
        }
        check(source, plan, ExportFormat.PARAMS, ExportRows::paramRow, (row, p) -> {
            Integer expected = reference(plan, row, p.projectId());
            if (p.version().version() != expected) {
                throw row.invalid(
                        "version",
                        "must be " + expected + " (each project's versions count 0, 1, 2, … in order), got "
                                + p.version().version());
            }
            plan.nextParamVersion.put(p.projectId(), expected + 1);
        });
        check(source, plan, ExportFormat.MEMBERS, ExportRows::memberRow, (row, m) -> {
            reference(plan, row, m.projectId());
            if (m.userId() != null) {
                plan.userEmails.putIfAbsent(m.userId(), m.email());
            }
        });
        check(
                source,
                plan,
                ExportFormat.DOCUMENTS,
                ExportRows::documentRow,
                (row, d) -> reference(plan, row, d.projectId()));
        check(source, plan, ExportFormat.EVENTS, ExportRows::eventRow, (row, e) -> reference(plan, row, e.projectId()));
        return plan;
    }

    /**
     * Reads every row of one table, parses it (which checks its columns) and hands it to the
     * table's cross-row check; records and returns the number of rows.
     */
    private static <R> long check(
            ExportSource source,
            ProjectImporter.Plan plan,
            String table,
            Function<Row, R> parse,
            BiConsumer<Row, R> crossCheck) {
        long[] count = {0};
        source.rows(table, (i, raw) -> {
            Row row = Row.of(raw, plan.what + ".tables." + table + "[" + i + "]");
            crossCheck.accept(row, parse.apply(row));
            count[0]++;
        });
        plan.rows.put(table, count[0]);
        return count[0];
    }

    private static Integer reference(ProjectImporter.Plan plan, Row row, String projectId) {
        Integer next = plan.nextParamVersion.get(projectId);
        if (next == null) {
            throw row.invalid(
                    "project_id",
                    "'" + Text.clip(projectId, 64) + "' does not refer to a row of " + plan.what + ".tables."
                            + ExportFormat.PROJECTS);
        }
        return next;
    }
}
