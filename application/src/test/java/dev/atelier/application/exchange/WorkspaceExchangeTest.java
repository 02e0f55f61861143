package dev.atelier.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.model.Workspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceExchangeTest {

    @Test
    void a_workspace_export_holds_the_workspace_row_and_every_project_table_with_a_summary() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        ProjectGenerator gen = new ProjectGenerator(in, 9);
        for (int i = 0; i < 3; i++) {
            gen.project(owner, ws, List.of());
        }
        Workspace elsewhere = in.workspace(owner, "elsewhere");
        gen.project(owner, elsewhere, List.of());

        Map<String, Object> export = in.exportWorkspace.execute(
                new ExportWorkspace.Command(owner, ws.id().value(), Scope.USER));

        assertThat(export)
                .containsEntry("format", "atelier.workspace")
                .containsEntry("format_version", 1)
                .containsEntry("workspace_id", ws.id().value())
                .containsEntry("scope", "user")
                .containsKeys("extraction_timestamp", "database_info", "workspace_level_tables", "project_tables");
        assertThat(Exports.rows(export, "workspaces"))
                .singleElement()
                .satisfies(w -> assertThat(w).containsEntry("id", ws.id().value()));
        assertThat(Exports.rows(export, "projects")).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) export.get("summary");
        assertThat(summary).containsEntry("total_tables", 6).containsEntry("projects", 3L);
        assertThat(new ArrayList<>(export.keySet())).last().isEqualTo("summary");
    }

    @Test
    void a_workspace_round_trips_into_another_installation_with_the_same_content() {
        Installation from = new Installation();
        User owner = from.user("owner@example.com", null);
        Workspace ws = from.workspace(owner, "ws");
        ProjectGenerator gen = new ProjectGenerator(from, 21);
        for (int i = 0; i < 5; i++) {
            gen.project(owner, ws, List.of());
        }
        Map<String, Object> first = from.exportWorkspace.execute(
                new ExportWorkspace.Command(owner, ws.id().value(), null));

        Installation to = new Installation();
        User there = to.user("owner@example.com", null);
        Map<String, Object> summary = to.importWorkspace.execute(
                ImportWorkspace.Command.of(there, "workspace_id", Exports.copy(first), null));
        Map<String, Object> second = to.exportWorkspace.execute(new ExportWorkspace.Command(there, "default", null));

        assertThat(summary).containsEntry("projects_imported", 5);
        assertThat(Exports.rows(second, "projects")).hasSize(5);
        // each project gained one "imported" event at the end of its timeline
        long importedBefore = Exports.rows(first, "project_events").stream()
                .filter(e -> e.get("type").equals("imported"))
                .count();
        assertThat(Exports.rows(second, "project_events"))
                .filteredOn(e -> e.get("type").equals("imported"))
                .hasSize((int) importedBefore + 5);
        Map<String, Object> secondWithoutImported = Exports.copy(second);
        Exports.rows(secondWithoutImported, "project_events")
                .removeIf(e -> e.get("type").equals("imported"));
        Map<String, Object> firstWithoutImported = Exports.copy(first);
        Exports.rows(firstWithoutImported, "project_events")
                .removeIf(e -> e.get("type").equals("imported"));
        assertThat(Exports.content(secondWithoutImported, 0)).isEqualTo(Exports.content(firstWithoutImported, 0));
    }

    @Test
    void the_streamed_export_writes_fields_then_tables_row_by_row_then_the_summary() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        new ProjectGenerator(in, 4).project(owner, ws, List.of());
        List<String> calls = new ArrayList<>();
        ExportSink recording = new ExportSink() {
            @Override
            public void field(String name, Object value) {
                calls.add("field:" + name);
            }

            @Override
            public void beginTables() {
                calls.add("tables");
            }

            @Override
            public void beginTable(String name) {
                calls.add("table:" + name);
            }

            @Override
            public void row(Map<String, Object> row) {
                calls.add("row");
            }

            @Override
            public void endTable() {
                calls.add("end");
            }

            @Override
            public void endTables() {
                calls.add("/tables");
            }
        };

        in.exportWorkspace
                .prepare(new ExportWorkspace.Command(owner, ws.id().value(), null))
                .writeTo(recording);

        assertThat(calls.get(0)).isEqualTo("field:format");
        assertThat(calls)
                .containsSubsequence(
                        "tables",
                        "table:workspaces",
                        "row",
                        "end",
                        "table:projects",
                        "row",
                        "end",
                        "table:project_params",
                        "table:project_members",
                        "table:project_documents",
                        "table:project_events",
                        "/tables",
                        "field:summary");
        assertThat(calls).last().isEqualTo("field:summary");
    }

    @Test
    void only_a_visible_workspace_can_be_exported_or_imported_into() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        User stranger = in.user("stranger@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        new ProjectGenerator(in, 4).project(owner, ws, List.of());
        Map<String, Object> export = in.exportWorkspace.execute(
                new ExportWorkspace.Command(owner, ws.id().value(), null));

        assertThatThrownBy(() -> in.exportWorkspace.prepare(
                        new ExportWorkspace.Command(stranger, ws.id().value(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> in.importWorkspace.execute(
                        ImportWorkspace.Command.of(stranger, ws.id().value(), export, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(in.store
                        .projects
                        .search(ProjectQuery.builder(owner)
                                .visibilities(EnumSet.of(Visibility.USER))
                                .workspace(ws.id())
                                .page(10, 0)
                                .build())
                        .total())
                .isEqualTo(1);
    }

    @Test
    void a_workspace_import_rejects_an_unknown_format_version_before_writing() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        new ProjectGenerator(in, 4).project(owner, ws, List.of());
        Map<String, Object> export = Exports.copy(in.exportWorkspace.execute(
                new ExportWorkspace.Command(owner, ws.id().value(), null)));
        export.put("format_version", 99);

        assertThatThrownBy(() -> in.importWorkspace.execute(ImportWorkspace.Command.of(owner, null, export, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format_version 99");
    }

    @Test
    void a_project_export_the_caller_cannot_read_is_not_found() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        User stranger = in.user("stranger@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        Project p = new ProjectGenerator(in, 4).project(owner, ws, List.of());

        assertThatThrownBy(
                        () -> in.exportProject.execute(new ExportProject.Command(stranger, null, p.id().value(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> in.exportProject.execute(new ExportProject.Command(owner, null, " ", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("project_id is required");
    }
}
