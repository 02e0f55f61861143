package dev.atelier.application.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.application.TestAtelier;
import dev.atelier.application.analysis.CreateProjectFromContext.Command;
import dev.atelier.application.analysis.DraftProjectFromContext.Upload;
import dev.atelier.application.project.ListProjects;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateProjectFromContextTest {
    private final TestAtelier atelier = new TestAtelier();
    private final User alice = atelier.user("alice", "acme");
    private final List<AnalysisRequest> analyzed = new ArrayList<>();

    /** Reads "text" files as they are, counts CSV lines, and refuses anything named "*.locked". */
    private final TextExtractor extractor = (filename, content) -> {
        String text = new String(content, StandardCharsets.UTF_8);
        if (filename.endsWith(".locked")) {
            throw new UnreadableContentException(filename + " is encrypted");
        }
        if (filename.endsWith(".csv")) {
            String[] lines = text.strip().split("\n");
            return new ExtractedDocument("text/csv", text, null, lines.length - 1, lines[0].split(",").length, false);
        }
        return new ExtractedDocument("text/plain", text, 1, null, null, false);
    };

    /** Names the project after the first two words of the context, in the marketing domain. */
    private final ContextAnalyzer analyzer = request -> {
        analyzed.add(request);
        String[] words = (request.context() + " untitled project").strip().split("\\s+");
        String name = words[0] + " " + words[1];
        return new Analysis(
                new ProjectDraft(
                        name,
                        "About " + name,
                        "clustering",
                        List.of("segments", "marketing"),
                        "marketing",
                        Map.of("k", 4),
                        "customer-churn-prediction"),
                "fake",
                "fake-1",
                false,
                null);
    };

    private final List<Template> catalog = List.of(new Template(
            "customer-churn-prediction",
            "Customer churn prediction",
            "Find customers likely to cancel",
            "marketing",
            List.of("churn"),
            new Template.Blueprint("d", "classification", Map.of(), Map.of())));

    private final DraftProjectFromContext drafts =
            new DraftProjectFromContext(extractor, analyzer, () -> catalog, 3, 1000);

    private final CreateProjectFromContext create = new CreateProjectFromContext(
            drafts, atelier.stores, atelier.workspaces, atelier.uniqueNames, atelier.books);

    private static Command command(User caller, String workspace, String context, Scope scope, List<Upload> files) {
        return new Command(caller, workspace, scope, new DraftProjectFromContext.Command(caller, context, files));
    }

    private static Upload file(String name, String text) {
        return new Upload(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private long projectCount() {
        return atelier.listProjects
                .execute(ListProjects.Command.inWorkspace(
                        ProjectQuery.builder(alice)
                                .visibilities(EnumSet.of(Visibility.USER))
                                .sort(ProjectSort.NAME, true)
                                .page(100, 0)
                                .build(),
                        "workspace_id"))
                .total();
    }

    @Test
    void creates_the_project_with_its_documents_params_owner_and_event() {
        var created = create.execute(command(
                alice,
                "workspace_id",
                "Customer segments for campaigns",
                Scope.USER,
                List.of(file("customer_data.csv", "id,segment\n1,gold\n2,silver\n"), file("notes.txt", "Q3 notes"))));

        var project = created.project();
        assertThat(project.name()).isEqualTo("Customer segments");
        assertThat(project.description()).isEqualTo("About Customer segments");
        assertThat(project.type()).isEqualTo("clustering");
        assertThat(project.metadata())
                .containsEntry("domain", "marketing")
                .containsEntry("template_id", "customer-churn-prediction")
                .containsEntry("tags", List.of("segments", "marketing"));
        assertThat(created.analysis().provider()).isEqualTo("fake");

        assertThat(created.documents()).hasSize(2);
        Document csv = created.documents().get(0);
        assertThat(csv.filename()).isEqualTo("customer_data.csv");
        assertThat(csv.rows()).isEqualTo(2);
        assertThat(csv.columns()).isEqualTo(2);
        assertThat(csv.dataset()).isTrue();
        assertThat(csv.sizeBytes()).isEqualTo(27);
        // sha256sum of the same 27 bytes
        assertThat(csv.sha256()).isEqualTo("a95019fbe150706e9d79dad6f92a414aa6bccc7c07d63b7dbd721a964ea6229a");
        assertThat(csv.characters()).isEqualTo(27);
        assertThat(new String(csv.content(), StandardCharsets.UTF_8)).startsWith("id,segment");
        assertThat(created.documents().get(1).dataset()).isFalse();
        assertThat(atelier.store.documents.list(project.id())).hasSize(2);

        var loaded = atelier.loadProject.execute(alice, project.id().value());
        assertThat(loaded.paramHistory()).hasSize(1);
        assertThat(loaded.paramHistory().get(0).version()).isZero();
        assertThat(loaded.paramHistory().get(0).params()).containsEntry("k", 4);
        assertThat(atelier.store.members.roleOf(project.id(), alice.id()))
                .contains(dev.atelier.domain.model.Role.OWNER);
        assertThat(atelier.store.events.timeline(project.id()))
                .extracting(e -> e.type())
                .containsExactly(EventType.CREATED_FROM_CONTEXT);

        AnalysisRequest request = analyzed.get(0);
        assertThat(request.templates()).isEqualTo(catalog);
        assertThat(request.documents())
                .extracting(AnalysisRequest.NamedText::filename)
                .containsExactly("customer_data.csv", "notes.txt");
    }

    @Test
    void makes_the_name_unique_in_the_workspace() {
        atelier.project(alice, "Customer segments");

        var created = create.execute(command(alice, "workspace_id", "Customer segments again", null, List.of()));

        assertThat(created.project().name()).isEqualTo("Customer segments (2)");
    }

    @Test
    void needs_a_context_or_a_file() {
        assertThatThrownBy(() -> new DraftProjectFromContext.Command(alice, "  ", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("context");
    }

    @Test
    void a_file_that_cannot_be_read_fails_the_request_and_saves_nothing() {
        assertThatThrownBy(() -> create.execute(command(
                        alice,
                        "workspace_id",
                        "Customer segments",
                        Scope.USER,
                        List.of(file("ok.txt", "fine"), file("secret.locked", "xx")))))
                .isInstanceOf(UnreadableContentException.class)
                .hasMessageContaining("encrypted");

        assertThat(analyzed).isEmpty();
        assertThat(projectCount()).isZero();
    }

    @Test
    void refuses_more_files_than_the_limit() {
        List<Upload> four = List.of(file("a.txt", "a"), file("b.txt", "b"), file("c.txt", "c"), file("d.txt", "d"));

        assertThatThrownBy(() -> create.execute(command(alice, "workspace_id", "x y", Scope.USER, four)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 3 files");
        assertThat(projectCount()).isZero();
    }

    @Test
    void refuses_a_request_over_the_size_limit() {
        assertThatThrownBy(() -> create.execute(
                        command(alice, "workspace_id", "x y", Scope.USER, List.of(file("big.txt", "z".repeat(1001))))))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(projectCount()).isZero();
    }

    @Test
    void files_alone_are_enough() {
        var created = create.execute(
                command(alice, null, null, Scope.USER, List.of(file("notes.txt", "Quarterly churn notes"))));

        assertThat(created.project().name()).isEqualTo("untitled project");
        assertThat(created.documents()).hasSize(1);
    }

    @Test
    void a_draft_is_proposed_without_saving_anything() {
        var drafted = drafts.execute(new DraftProjectFromContext.Command(
                alice, "Customer segments for campaigns", List.of(file("customer_data.csv", "id,segment\n1,gold\n"))));

        assertThat(drafted.analysis().draft().name()).isEqualTo("Customer segments");
        assertThat(drafted.files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("customer_data.csv");
            assertThat(f.document().rows()).isEqualTo(1);
        });
        assertThat(analyzed).hasSize(1);
        assertThat(projectCount()).isZero();
    }
}
