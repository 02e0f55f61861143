package dev.atelier.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.model.Workspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportValidationTest {
    private Installation in;
    private User owner;
    private Workspace target;
    private Map<String, Object> export;

    @BeforeEach
    void setUp() {
        in = new Installation();
        owner = in.user("owner@example.com", null);
        Workspace source = in.workspace(owner, "source");
        target = in.workspace(owner, "target");
        Project project = new ProjectGenerator(in, 42).project(owner, source, List.of());
        in.store.params.append(
                project.id(),
                in.store
                        .params
                        .latest(project.id())
                        .orElseThrow()
                        .next(Map.of("k", 1), null, false, in.clock.instant()));
        byte[] bytes = {1, 2, 3};
        in.store.documents.insert(new dev.atelier.domain.model.Document(
                in.ids.newId(),
                project.id(),
                "a.bin",
                "application/octet-stream",
                3,
                ProjectGenerator.sha256(bytes),
                "t",
                null,
                null,
                null,
                1,
                false,
                false,
                bytes,
                in.clock.instant()));
        export = in.exportProject.execute(
                new ExportProject.Command(owner, null, project.id().value(), null));
    }

    private String rejected(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> bad = Exports.copy(export);
        breakIt.accept(bad);
        List<Project> before = targetProjects();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> in.importProject.execute(
                new ImportProject.Command(owner, target.id().value(), bad, null)));
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(targetProjects()).as("nothing written").isEqualTo(before);
        return thrown.getMessage();
    }

    private List<Project> targetProjects() {
        Page<Project> page = in.store.projects.search(ProjectQuery.builder(owner)
                .visibilities(EnumSet.of(Visibility.USER))
                .workspace(target.id())
                .page(500, 0)
                .build());
        return page.items();
    }

    private static Map<String, Object> row(Map<String, Object> export, String table, int i) {
        return Exports.rows(export, table).get(i);
    }

    private static Map<String, Object> doc(Map<String, Object> export) {
        return Exports.rows(export, "project_documents").stream()
                .filter(d -> "a.bin".equals(d.get("filename")))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tables(Map<String, Object> export) {
        return (Map<String, Object>) export.get("tables");
    }

    @Test
    void rejects_an_unknown_format_version_naming_it() {
        assertThat(rejected(e -> e.put("format_version", 2)))
                .contains("format_version")
                .contains("2");
        assertThat(rejected(e -> e.put("format_version", "one")))
                .contains("format_version")
                .contains("one");
        assertThat(rejected(e -> e.remove("format_version"))).contains("format_version is required");
    }

    @Test
    void rejects_a_wrong_or_missing_format_name() {
        assertThat(rejected(e -> e.put("format", "atelier.workspace")))
                .contains("export_data.format must be atelier.project")
                .contains("atelier.workspace");
        assertThat(rejected(e -> e.remove("format"))).contains("export_data.format is required");
    }

    @Test
    void rejects_missing_tables_naming_them() {
        assertThat(rejected(e -> tables(e).remove("project_events"))).contains("missing project_events");
        assertThat(rejected(e -> e.remove("tables"))).contains("missing projects");
        assertThat(rejected(e -> e.put("tables", List.of()))).contains("export_data.tables must be an object");
        assertThat(rejected(e -> tables(e).put("project_params", Map.of())))
                .contains("export_data.tables.project_params must be an array");
    }

    @Test
    void rejects_values_of_the_wrong_type_naming_row_and_column() {
        assertThat(rejected(e -> row(e, "projects", 0).put("name", 42)))
                .contains("export_data.tables.projects[0].name must be a string, got a number");
        assertThat(rejected(e -> row(e, "project_params", 1).put("version", "1")))
                .contains("export_data.tables.project_params[1].version must be a whole number");
        assertThat(rejected(e -> row(e, "project_params", 0).put("params", List.of(1))))
                .contains("project_params[0].params must be an object, got an array");
        assertThat(rejected(e -> doc(e).put("dataset", "yes"))).contains("].dataset must be true or false");
        assertThat(rejected(e -> row(e, "project_members", 0).put("role", "emperor")))
                .contains("project_members[0].role");
        assertThat(rejected(e -> row(e, "project_events", 0).put("timestamp", "yesterday")))
                .contains("project_events[0].timestamp must be an ISO-8601");
        assertThat(rejected(e -> Exports.rows(e, "projects").set(0, null)))
                .contains("export_data.tables.projects[0] must be an object");
    }

    @Test
    void rejects_references_to_projects_that_are_not_in_the_export() {
        assertThat(rejected(e -> row(e, "project_params", 0).put("project_id", "ghost")))
                .contains(
                        "project_params[0].project_id 'ghost' does not refer to a row of export_data.tables.projects");
        assertThat(rejected(e -> doc(e).put("project_id", "ghost"))).contains("].project_id 'ghost'");
        assertThat(rejected(e -> row(e, "project_members", 0).put("project_id", "ghost")))
                .contains("project_members[0].project_id 'ghost'");
        assertThat(rejected(e -> row(e, "project_events", 0).put("project_id", "ghost")))
                .contains("project_events[0].project_id 'ghost'");
    }

    @Test
    void rejects_oversize_fields() {
        assertThat(rejected(e -> row(e, "projects", 0).put("name", "n".repeat(201))))
                .contains("projects[0].name must be at most 200 characters");
        Map<String, Object> huge = new LinkedHashMap<>();
        huge.put("blob", "x".repeat(70_000));
        assertThat(rejected(e -> row(e, "projects", 0).put("metadata", huge)))
                .contains("projects[0].metadata is")
                .contains("at most 65536");
        assertThat(rejected(e -> doc(e).put("size_bytes", Long.MAX_VALUE)))
                .contains("].size_bytes must be between 0 and");
    }

    @Test
    void rejects_document_content_that_is_not_base64_or_does_not_match_its_size_and_digest() {
        assertThat(rejected(e -> doc(e).put("content_base64", "%%%not base64")))
                .contains("content_base64 is not valid base64");
        assertThat(rejected(e -> doc(e).put("content_base64", "AQID" + "BA==")))
                .contains("size_bytes says 3 bytes but content_base64 holds 4 bytes");
        assertThat(rejected(e -> doc(e).put("content_base64", "AQIE"))).contains("sha256 does not match");
    }

    @Test
    void rejects_a_params_history_with_gaps_or_disorder() {
        assertThat(rejected(e -> row(e, "project_params", 1).put("version", 5)))
                .contains("project_params[1].version must be 1");
    }

    @Test
    void rejects_a_project_export_that_holds_more_than_one_project() {
        assertThat(rejected(e -> {
                    Map<String, Object> twin = new LinkedHashMap<>(row(e, "projects", 0));
                    twin.put("id", "twin");
                    Exports.rows(e, "projects").add(twin);
                }))
                .contains("must hold exactly one project, it holds 2");
        assertThat(rejected(e -> Exports.rows(e, "projects").add(new LinkedHashMap<>(row(e, "projects", 0)))))
                .contains("appears twice");
    }

    @Test
    void rejects_export_data_that_is_not_an_object() {
        assertThatThrownBy(() -> in.importProject.execute(new ImportProject.Command(owner, null, "text", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("export_data must be an object");
        assertThatThrownBy(() -> in.importProject.execute(new ImportProject.Command(owner, null, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("export_data is required");
    }

    @Test
    void a_bad_row_at_the_very_end_leaves_the_target_unchanged() {
        List<Map<String, Object>> events = Exports.rows(export, "project_events");
        assertThat(rejected(e -> {
                    Map<String, Object> last = new LinkedHashMap<>(
                            Exports.rows(e, "project_events").get(events.size() - 1));
                    last.put("type", "exploded");
                    Exports.rows(e, "project_events").add(last);
                }))
                .contains("project_events[" + events.size() + "].type 'exploded' is not an event type");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_failure_while_writing_rolls_back_everything_written_before_it() {
        // a source whose last row turns bad between the validating and the writing pass
        MapExportSource good = new MapExportSource(export, "export_data");
        int[] passes = {0};
        ExportSource flaky = new ExportSource() {
            @Override
            public Map<String, Object> header() {
                return good.header();
            }

            @Override
            public List<String> tableNames() {
                return good.tableNames();
            }

            @Override
            public void rows(String table, RowConsumer consumer) {
                if (!table.equals("project_events")) {
                    good.rows(table, consumer);
                    return;
                }
                passes[0]++;
                List<Object> rows = new ArrayList<>();
                good.rows(table, (i, r) -> rows.add(r));
                if (passes[0] > 1) {
                    Map<String, Object> bad = new LinkedHashMap<>((Map<String, Object>) rows.get(rows.size() - 1));
                    bad.put("timestamp", 7);
                    rows.set(rows.size() - 1, bad);
                }
                for (int i = 0; i < rows.size(); i++) {
                    consumer.accept(i, rows.get(i));
                }
            }
        };
        long usersBefore = in.store.users.count();
        List<Project> before = targetProjects();

        assertThatThrownBy(() -> in.importWorkspace.execute(
                        new ImportWorkspace.Command(owner, target.id().value(), flaky, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("project_events");

        assertThat(passes[0]).isEqualTo(2);
        assertThat(targetProjects()).isEqualTo(before).isEmpty();
        assertThat(in.store.users.count()).isEqualTo(usersBefore);
    }
}
