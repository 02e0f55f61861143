package dev.atelier.application.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectLifecycleTest {
    private final Fixture f = new Fixture();
    private final User alice = f.user("Alice");
    private final User bob = f.user("Bob");
    private final Project project = f.project(alice, "Churn Prediction");

    @Test
    void update_replaces_name_and_description_and_bumps_the_version() {
        Project updated = f.updateProject.execute(new UpdateProject.Command(
                alice, project.id().value(), "Churn Prediction v2", "Updated scope", Optional.empty()));

        assertThat(updated.name()).isEqualTo("Churn Prediction v2");
        assertThat(updated.description()).isEqualTo("Updated scope");
        assertThat(updated.version()).isEqualTo(project.version() + 1);
    }

    @Test
    void update_without_description_keeps_the_current_one() {
        Project updated = f.updateProject.execute(
                new UpdateProject.Command(alice, project.id().value(), "Renamed", null, Optional.empty()));
        assertThat(updated.description()).isEqualTo("about Churn Prediction");
    }

    @Test
    void update_requires_a_name() {
        assertThatThrownBy(() -> new UpdateProject.Command(alice, project.id().value(), " ", null, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }

    @Test
    void update_with_a_stale_expected_version_changes_nothing() {
        f.updateProject.execute(new UpdateProject.Command(alice, project.id().value(), "A", null, Optional.empty()));

        assertThatThrownBy(() -> f.updateProject.execute(new UpdateProject.Command(
                        alice, project.id().value(), "B", null, Optional.of(project.version()))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(f.reload(project).name()).isEqualTo("A");
    }

    @Test
    void update_of_a_missing_or_foreign_project_is_not_found_and_never_creates() {
        assertThatThrownBy(() -> f.updateProject.execute(
                        new UpdateProject.Command(alice, "no-such-project", "X", null, Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.updateProject.execute(
                        new UpdateProject.Command(alice, "../../x", "X", null, Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.updateProject.execute(
                        new UpdateProject.Command(bob, project.id().value(), "X", null, Optional.empty())))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.store.projects.findById(new dev.atelier.domain.model.ProjectId("no-such-project")))
                .isEmpty();
    }

    @Test
    void only_the_owner_deletes_and_deleting_again_is_not_found() {
        f.grant(project, bob, Role.ADMIN);
        assertThatThrownBy(() -> f.deleteProject.execute(
                        new DeleteProject.Command(bob, project.id().value())))
                .isInstanceOf(ForbiddenException.class);

        f.deleteProject.execute(new DeleteProject.Command(alice, project.id().value()));
        assertThat(f.store.projects.findById(project.id())).isEmpty();
        assertThatThrownBy(() -> f.deleteProject.execute(
                        new DeleteProject.Command(alice, project.id().value())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void timeline_lists_every_kind_of_event_in_order() {
        f.updateProject.execute(new UpdateProject.Command(alice, project.id().value(), "B", null, Optional.empty()));
        f.setParams.execute(SetParams.Command.fromBody(alice, project.id().value(), Map.of("k", 1)));
        f.addMember.execute(AddMember.Command.of(alice, project.id().value(), "bob@example.com", "viewer"));
        f.uploadDataset.execute(new UploadDataset.Command(
                alice, project.id().value(), "transactions.csv", "a,b,c\n1,2,3\n4,5,6\n".getBytes()));
        f.removeMember.execute(
                new RemoveMember.Command(alice, project.id().value(), bob.id().value()));

        var result = f.getTimeline.execute(
                new GetTimeline.Command(alice, project.id().value()));

        assertThat(result.events())
                .extracting(Event::type)
                .containsExactly(
                        EventType.CREATED,
                        EventType.UPDATED,
                        EventType.PARAMS_CHANGED,
                        EventType.MEMBER_ADDED,
                        EventType.DATASET,
                        EventType.MEMBER_REMOVED);
        assertThat(result.events()).extracting(Event::timestamp).isSorted();
    }

    @Test
    void a_csv_upload_becomes_a_dataset_with_rows_and_columns() {
        byte[] csv = "id,amount,is_fraud\n1,10.5,0\n2,99.0,1\n".getBytes(StandardCharsets.UTF_8);

        Document doc = f.uploadDataset.execute(
                new UploadDataset.Command(alice, project.id().value(), "../transactions.csv", csv));

        assertThat(doc.filename()).isEqualTo("transactions.csv");
        assertThat(doc.dataset()).isTrue();
        assertThat(doc.rows()).isEqualTo(2);
        assertThat(doc.columns()).isEqualTo(3);
        assertThat(doc.sha256()).hasSize(64);
        assertThat(doc.content()).isEqualTo(csv);
        assertThat(f.reload(project).datasetCount()).isEqualTo(1);
        var events = f.store.events.timeline(project.id());
        Event last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(EventType.DATASET);
        assertThat(last.name()).isEqualTo("transactions.csv");
        assertThat(last.details()).containsEntry("rows", 2).containsEntry("columns", 3);
    }

    @Test
    void documents_are_listed_oldest_first_with_their_extracted_facts_and_without_their_bytes() {
        byte[] csv = "id,amount\n1,10\n2,20\n3,30\n".getBytes(StandardCharsets.UTF_8);
        f.uploadDataset.execute(
                new UploadDataset.Command(alice, project.id().value(), "notes.txt", "words".getBytes()));
        f.uploadDataset.execute(new UploadDataset.Command(alice, project.id().value(), "sales.csv", csv));

        ListDocuments.Listed listed = f.listDocuments.execute(
                new ListDocuments.Command(alice, project.id().value()));

        assertThat(listed.documents()).extracting(DocumentInfo::filename).containsExactly("notes.txt", "sales.csv");
        DocumentInfo sales = listed.documents().get(1);
        assertThat(sales.dataset()).isTrue();
        assertThat(sales.rows()).isEqualTo(3);
        assertThat(sales.columns()).isEqualTo(2);
        assertThat(sales.sizeBytes()).isEqualTo(csv.length);
    }

    @Test
    void a_text_upload_is_a_document_and_does_not_count_as_a_dataset() {
        f.uploadDataset.execute(
                new UploadDataset.Command(alice, project.id().value(), "notes.txt", "just words".getBytes()));
        assertThat(f.reload(project).datasetCount()).isZero();
        var events = f.store.events.timeline(project.id());
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.DOCUMENT);
    }

    @Test
    void an_empty_or_unreadable_upload_changes_nothing() {
        assertThatThrownBy(() -> new UploadDataset.Command(alice, project.id().value(), "x.csv", new byte[0]))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> f.uploadDataset.execute(
                        new UploadDataset.Command(alice, project.id().value(), "x.bin", new byte[] {1, 0, 2})))
                .isInstanceOf(UnsupportedContentException.class);
        assertThat(f.store.documents.list(project.id())).isEmpty();
        assertThat(f.store.events.timeline(project.id())).hasSize(1);
    }
}
