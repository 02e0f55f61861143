package dev.atelier.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 10,000 projects: the export goes through a sink that keeps nothing (only counts), and the import
 * reads from a source that generates each row on demand, so neither side ever holds the export.
 */
class LargeWorkspaceTest {
    private static final int PROJECTS = 10_000;

    @Test
    void ten_thousand_projects_export_row_by_row_and_import_from_a_streaming_source() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "big");
        for (int i = 0; i < PROJECTS; i++) {
            Project p = in.storedProject(owner, ws, "project " + i, Map.of("i", i), Map.of("n", i));
            in.store.members.save(new Member(p.id(), owner.id(), Role.OWNER, in.clock.instant()));
        }
        long[] rows = new long[1];
        Object[] summary = new Object[1];
        ExportSink counting = new ExportSink() {
            @Override
            public void field(String name, Object value) {
                if (name.equals("summary")) {
                    summary[0] = value;
                }
            }

            @Override
            public void beginTables() {}

            @Override
            public void beginTable(String name) {}

            @Override
            public void row(Map<String, Object> row) {
                rows[0]++;
            }

            @Override
            public void endTable() {}

            @Override
            public void endTables() {}
        };

        ExportWorkspace.Prepared prepared = in.exportWorkspace.prepare(
                new ExportWorkspace.Command(owner, ws.id().value(), null));
        prepared.writeTo(counting);

        assertThat(prepared.projectCount()).isEqualTo(PROJECTS);
        assertThat(rows[0]).isEqualTo(1 + 3L * PROJECTS);
        assertThat((Map<String, Object>) summary[0]).containsEntry("projects", (long) PROJECTS);

        ExportSource generated = new ExportSource() {
            @Override
            public Map<String, Object> header() {
                return Map.of("format", "atelier.workspace", "format_version", 1);
            }

            @Override
            public List<String> tableNames() {
                return ExportFormat.PROJECT_TABLES;
            }

            @Override
            public void rows(String table, RowConsumer consumer) {
                for (int i = 0; i < PROJECTS; i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    switch (table) {
                        case "projects" -> {
                            row.put("id", "p" + i);
                            row.put("name", "imported " + i);
                        }
                        case "project_params" -> {
                            row.put("project_id", "p" + i);
                            row.put("version", 0);
                            row.put("params", Map.of("n", i));
                            row.put("created_at", "2025-01-01T00:00:00Z");
                        }
                        default -> {
                            return;
                        }
                    }
                    consumer.accept(i, row);
                }
            }
        };
        Workspace target = in.workspace(owner, "target");

        Map<String, Object> imported = in.importWorkspace.execute(
                new ImportWorkspace.Command(owner, target.id().value(), generated, null));

        assertThat(imported).containsEntry("projects_imported", PROJECTS).containsEntry("project_params", (long)
                PROJECTS);
        assertThat(in.store.workspaces.countProjects(target.id())).isEqualTo(PROJECTS);
    }
}
