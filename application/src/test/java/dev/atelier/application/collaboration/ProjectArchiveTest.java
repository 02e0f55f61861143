package dev.atelier.application.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.User;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectArchiveTest {
    private final Fixture f = new Fixture();
    private final User alice = f.user("Alice");
    private final User bob = f.user("Bob");
    private final Project project = f.project(alice, "Fraud Detection");
    private final byte[] csv = "id,amount\n1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8);

    private ProjectArchive exported() {
        f.setParams.execute(SetParams.Command.fromBody(
                alice, project.id().value(), Map.of("instruction", "find fraud", "threshold", 0.7)));
        f.uploadDataset.execute(new UploadDataset.Command(alice, project.id().value(), "tx:2026.csv", csv));
        return f.exportArchive
                .execute(new ExportProjectArchive.Command(alice, project.id().value()))
                .archive();
    }

    @Test
    void export_holds_a_manifest_and_every_documents_original_bytes() {
        ProjectArchive archive = exported();

        assertThat(archive.manifest())
                .containsEntry("format", ProjectArchive.FORMAT)
                .containsEntry("format_version", 1);
        assertThat(archive.files()).hasSize(1);
        String path = archive.files().keySet().iterator().next();
        assertThat(path).isEqualTo("documents/0001/tx_2026.csv");
        assertThat(archive.files().get(path)).isEqualTo(csv);
        @SuppressWarnings("unchecked")
        var docs = (List<Map<String, Object>>) archive.manifest().get("documents");
        assertThat(docs.get(0)).containsEntry("filename", "tx:2026.csv").containsEntry("rows", 3);
        var events = f.store.events.timeline(project.id());
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.EXPORTED);
    }

    @Test
    void import_creates_a_new_project_with_the_same_content_for_the_importer() {
        ProjectArchive archive = exported();

        Project imported = f.importArchive.execute(new ImportProjectArchive.Command(bob, null, archive));

        assertThat(imported.id()).isNotEqualTo(project.id());
        assertThat(imported.ownerId()).isEqualTo(bob.id());
        assertThat(imported.name()).isEqualTo("Fraud Detection");
        assertThat(imported.description()).isEqualTo("about Fraud Detection");
        assertThat(imported.datasetCount()).isEqualTo(1);
        assertThat(f.store.params.history(imported.id()))
                .extracting(ParamVersion::version, ParamVersion::instruction)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, null),
                        org.assertj.core.groups.Tuple.tuple(1, "find fraud"));
        assertThat(f.store.documents.list(imported.id())).singleElement().satisfies(d -> {
            assertThat(d.content()).isEqualTo(csv);
            assertThat(d.filename()).isEqualTo("tx:2026.csv");
            assertThat(d.rows()).isEqualTo(3);
        });
        var events = f.store.events.timeline(imported.id());
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.IMPORTED);
        assertThat(events.get(events.size() - 1).details())
                .containsEntry("source_project_id", project.id().value());

        ProjectArchive again = f.exportArchive
                .execute(new ExportProjectArchive.Command(bob, imported.id().value()))
                .archive();
        assertThat(again.manifest().get("project")).isEqualTo(archive.manifest().get("project"));
        assertThat(again.files().values())
                .containsExactlyElementsOf(archive.files().values());
    }

    @Test
    void importing_into_the_same_owner_keeps_names_unique() {
        ProjectArchive archive = exported();
        Project imported = f.importArchive.execute(new ImportProjectArchive.Command(alice, "default", archive));
        assertThat(imported.name()).isEqualTo("Fraud Detection (2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.csv", "/etc/passwd", "a\\b.csv", "C:/x.csv", "a//b", "./a", "a/../../b", ""})
    void unsafe_entry_paths_are_rejected(String path) {
        assertThatThrownBy(() -> new ProjectArchive(Map.of(), Map.of(path, new byte[] {1})))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsafe");
    }

    @Test
    void too_many_entries_are_rejected() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < ProjectArchive.MAX_ENTRIES; i++) {
            files.put("documents/" + i, new byte[] {1});
        }
        assertThatThrownBy(() -> new ProjectArchive(Map.of(), files))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entries");
    }

    @Test
    void an_unknown_format_version_or_foreign_format_is_rejected() {
        ProjectArchive archive = exported();
        Map<String, Object> manifest = new LinkedHashMap<>(archive.manifest());
        manifest.put("format_version", 2);
        assertImportFails(new ProjectArchive(manifest, archive.files()), "format_version");
        manifest.put("format_version", 1);
        manifest.put("format", "something.else");
        assertImportFails(new ProjectArchive(manifest, archive.files()), "format");
    }

    @Test
    void a_document_whose_bytes_do_not_match_the_manifest_is_rejected() {
        ProjectArchive archive = exported();
        Map<String, byte[]> files = new LinkedHashMap<>();
        archive.files().forEach((k, v) -> files.put(k, "id,amount\n9,9\n9,9\n9,9\n".getBytes()));
        assertImportFails(new ProjectArchive(archive.manifest(), files), "sha256");
    }

    @Test
    void missing_and_unlisted_entries_are_rejected() {
        ProjectArchive archive = exported();
        assertImportFails(new ProjectArchive(archive.manifest(), Map.of()), "not in the archive");
        Map<String, byte[]> files = new LinkedHashMap<>(archive.files());
        files.put("extra/file.txt", new byte[] {1});
        assertImportFails(new ProjectArchive(archive.manifest(), files), "not listed");
    }

    @Test
    void a_gap_in_the_params_history_is_rejected() {
        ProjectArchive archive = exported();
        Map<String, Object> manifest = new LinkedHashMap<>(archive.manifest());
        @SuppressWarnings("unchecked")
        var history = (List<Map<String, Object>>) manifest.get("param_history");
        manifest.put("param_history", List.of(history.get(1)));
        assertImportFails(new ProjectArchive(manifest, archive.files()), "version must be 0");
    }

    @Test
    void a_project_without_a_name_is_rejected() {
        ProjectArchive archive = exported();
        Map<String, Object> manifest = new LinkedHashMap<>(archive.manifest());
        @SuppressWarnings("unchecked")
        Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) manifest.get("project"));
        p.remove("name");
        manifest.put("project", p);
        assertImportFails(new ProjectArchive(manifest, archive.files()), "name");
    }

    @Test
    void an_unreadable_document_fails_the_whole_import_and_writes_nothing() {
        ProjectArchive archive = exported();
        byte[] binary = {1, 0, 2};
        Map<String, Object> manifest = new LinkedHashMap<>(archive.manifest());
        @SuppressWarnings("unchecked")
        var docs = (List<Map<String, Object>>) manifest.get("documents");
        Map<String, Object> doc = new LinkedHashMap<>(docs.get(0));
        doc.remove("sha256");
        doc.remove("size_bytes");
        manifest.put("documents", List.of(doc));
        Map<String, byte[]> files = Map.of((String) doc.get("path"), binary);
        int before = f.store.projects.search(query(bob)).items().size();

        assertThatThrownBy(() -> f.importArchive.execute(
                        new ImportProjectArchive.Command(bob, null, new ProjectArchive(manifest, files))))
                .isInstanceOf(UnsupportedContentException.class);
        assertThat(f.store.projects.search(query(bob)).items()).hasSize(before);
    }

    private static dev.atelier.domain.model.ProjectQuery query(User user) {
        return dev.atelier.domain.model.ProjectQuery.builder(user)
                .sort(null, false)
                .page(100, 0)
                .build();
    }

    private void assertImportFails(ProjectArchive archive, String message) {
        long before = f.store.projects.search(query(bob)).total();
        assertThatThrownBy(() -> f.importArchive.execute(new ImportProjectArchive.Command(bob, null, archive)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
        assertThat(f.store.projects.search(query(bob)).total()).isEqualTo(before);
    }
}
