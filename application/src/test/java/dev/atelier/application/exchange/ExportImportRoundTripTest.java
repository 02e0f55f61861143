package dev.atelier.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportImportRoundTripTest {

    @Test
    void export_import_export_gives_the_same_content_apart_from_ids_and_timestamps() {
        for (long seed = 1; seed <= 40; seed++) {
            Installation in = new Installation();
            User owner = in.user("owner@example.com", "acme");
            User colleague = in.user("colleague@example.com", "acme");
            User other = in.user("other@example.com", null);
            Workspace source = in.workspace(owner, "source");
            Workspace target = in.workspace(owner, "target");
            Project project = new ProjectGenerator(in, seed).project(owner, source, List.of(colleague, other));

            Map<String, Object> first = in.exportProject.execute(new ExportProject.Command(
                    owner, source.id().value(), project.id().value(), Scope.USER));
            ImportProject.Imported imported = in.importProject.execute(
                    new ImportProject.Command(owner, target.id().value(), Exports.copy(first), null));
            Map<String, Object> second = in.exportProject.execute(new ExportProject.Command(
                    owner, target.id().value(), imported.project().id().value(), Scope.USER));

            assertThat(Exports.rows(second, ExportFormat.EVENTS))
                    .last()
                    .satisfies(e -> assertThat(e).containsEntry("type", "imported"));
            assertThat(Exports.content(second, 1)).as("seed %d", seed).isEqualTo(Exports.content(first, 0));
            assertThat(imported.project().id()).isNotEqualTo(project.id());
            assertThat(imported.project().workspaceId()).isEqualTo(target.id());
            assertThat(imported.summary()).containsEntry("members_dropped", 0L);
        }
    }

    @Test
    void an_import_keeps_document_bytes_and_rewrites_every_reference_to_new_ids() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", "acme");
        Workspace source = in.workspace(owner, "source");
        Project project = new ProjectGenerator(in, 7).project(owner, source, List.of());
        byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0x80, 10, 13};
        in.store.documents.insert(new Document(
                in.ids.newId(),
                project.id(),
                "raw.bin",
                "application/octet-stream",
                bytes.length,
                ProjectGenerator.sha256(bytes),
                "",
                null,
                null,
                null,
                0,
                false,
                false,
                bytes,
                in.clock.instant()));

        Map<String, Object> export = in.exportProject.execute(
                new ExportProject.Command(owner, null, project.id().value(), null));
        Project copy = in.importProject
                .execute(new ImportProject.Command(owner, "default", export, Scope.ORGANIZATION))
                .project();

        List<Document> docs = in.store.documents.list(copy.id());
        assertThat(docs).extracting(Document::filename).contains("raw.bin");
        Document raw = docs.stream()
                .filter(d -> d.filename().equals("raw.bin"))
                .findFirst()
                .orElseThrow();
        assertThat(raw.content()).isEqualTo(bytes);
        assertThat(raw.projectId()).isEqualTo(copy.id());
        assertThat(docs)
                .extracting(Document::id)
                .doesNotContainAnyElementsOf(in.store.documents.list(project.id()).stream()
                        .map(Document::id)
                        .toList());
        assertThat(in.store.events.timeline(copy.id()))
                .allSatisfy(e -> assertThat(e.projectId()).isEqualTo(copy.id()));
        assertThat(copy.scope()).isEqualTo(Scope.ORGANIZATION);
        assertThat(copy.name()).isEqualTo(project.name());
        assertThat(in.store.params.history(copy.id())).hasSameSizeAs(in.store.params.history(project.id()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void export_has_the_documented_shape_and_records_an_exported_event() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        Project project = new ProjectGenerator(in, 3).project(owner, ws, List.of());

        Map<String, Object> export = in.exportProject.execute(
                new ExportProject.Command(owner, "workspace_id", project.id().value(), null));

        assertThat(export).containsEntry("format", "atelier.project").containsEntry("format_version", 1);
        assertThat(export).containsKeys("exported_at", "source", "project", "tables", "summary");
        assertThat((Map<String, Object>) export.get("source"))
                .containsEntry("project_id", project.id().value())
                .containsEntry("workspace_id", ws.id().value());
        assertThat(((Map<String, Object>) export.get("tables")).keySet())
                .containsExactly(
                        "projects", "project_params", "project_members", "project_documents", "project_events");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) export.get("summary");
        assertThat(summary).containsEntry("total_tables", 5).containsEntry("projects", 1L);
        long rows = ExportFormat.PROJECT_TABLES.stream()
                .mapToLong(t -> Exports.rows(export, t).size())
                .sum();
        assertThat(summary).containsEntry("total_rows", rows);
        assertThat(in.store.events.timeline(project.id()))
                .extracting(Event::type)
                .last()
                .isEqualTo(EventType.EXPORTED);
    }

    @Test
    void the_importer_becomes_owner_known_members_are_kept_and_unknown_ones_dropped_and_reported() {
        Installation from = new Installation();
        User alice = from.user("alice@example.com", "acme");
        User bob = from.user("bob@example.com", "acme");
        User carol = from.user("carol@example.com", "acme");
        Workspace ws = from.workspace(alice, "ws");
        Project project = new ProjectGenerator(from, 11).project(alice, ws, List.of());
        from.store.members.save(
                new dev.atelier.domain.model.Member(project.id(), bob.id(), Role.EDITOR, from.clock.instant()));
        from.store.members.save(
                new dev.atelier.domain.model.Member(project.id(), carol.id(), Role.VIEWER, from.clock.instant()));
        Map<String, Object> export = from.exportProject.execute(
                new ExportProject.Command(bob, null, project.id().value(), null));

        Installation to = new Installation();
        User dave = to.user("dave@example.com", null);
        User bobThere = to.user("BOB@example.com", null);
        User aliceThere = to.user("alice@example.com", null);
        ImportProject.Imported imported = to.importProject.execute(new ImportProject.Command(dave, null, export, null));

        Project copy = imported.project();
        assertThat(copy.ownerId()).isEqualTo(dave.id());
        assertThat(to.store.members.roleOf(copy.id(), dave.id())).contains(Role.OWNER);
        assertThat(to.store.members.roleOf(copy.id(), bobThere.id())).contains(Role.EDITOR);
        assertThat(to.store.members.roleOf(copy.id(), aliceThere.id()))
                .as("the former owner is kept as admin: one owner per project")
                .contains(Role.ADMIN);
        assertThat(to.store.users.findByEmail("carol@example.com")).isEmpty();
        assertThat(imported.summary())
                .containsEntry("members_dropped", 1L)
                .containsEntry("dropped_member_emails", List.of("carol@example.com"))
                .containsEntry("projects_imported", 1);
        assertThat(to.store.events.timeline(copy.id()))
                .extracting(Event::type)
                .last()
                .isEqualTo(EventType.IMPORTED);
    }

    @Test
    void import_keeps_names_unique_in_the_target_with_a_numbered_suffix() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        Project project = new ProjectGenerator(in, 5).project(owner, ws, List.of());
        Map<String, Object> export = in.exportProject.execute(
                new ExportProject.Command(owner, null, project.id().value(), null));

        Project second = in.importProject
                .execute(new ImportProject.Command(owner, ws.id().value(), export, null))
                .project();
        Project third = in.importProject
                .execute(new ImportProject.Command(owner, ws.id().value(), export, null))
                .project();

        assertThat(second.name()).isEqualTo(project.name() + " (2)");
        assertThat(third.name()).isEqualTo(project.name() + " (3)");
    }
}
