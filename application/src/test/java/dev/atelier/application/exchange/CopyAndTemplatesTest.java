package dev.atelier.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyAndTemplatesTest {

    @Test
    void copy_in_the_same_workspace_gets_a_numbered_name_and_the_same_content() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        User colleague = in.user("colleague@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        Project original = new ProjectGenerator(in, 13).project(owner, ws, List.of(colleague));

        Project copy = in.copyProject.execute(new CopyProject.Command(
                owner, original.id().value(), ws.id().value(), ws.id().value(), null, null));

        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.name()).isEqualTo(original.name() + " (2)");
        assertThat(copy.metadata()).isEqualTo(original.metadata());
        assertThat(copy.datasetCount()).isEqualTo(original.datasetCount());
        assertThat(in.store.params.history(copy.id()))
                .extracting(ParamVersion::params)
                .isEqualTo(in.store.params.history(original.id()).stream()
                        .map(ParamVersion::params)
                        .toList());
        assertThat(in.store.documents.list(copy.id()))
                .extracting(Document::sha256)
                .isEqualTo(in.store.documents.list(original.id()).stream()
                        .map(Document::sha256)
                        .toList());
        assertThat(in.store.members.list(copy.id(), 100, 0).items())
                .as("members are not copied: the copy is the caller's")
                .singleElement()
                .satisfies(m -> assertThat(m.member().role()).isEqualTo(Role.OWNER));
        Event last = in.store.events.timeline(copy.id()).getLast();
        assertThat(in.store.events.timeline(copy.id()))
                .as("the copy's timeline starts with its copy")
                .extracting(Event::type)
                .containsExactly(EventType.COPIED);
        assertThat(last.details())
                .containsEntry("source_project_id", original.id().value());
    }

    @Test
    void copy_into_another_workspace_with_a_new_name_and_scope_by_a_viewer() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", "acme");
        User viewer = in.user("viewer@example.com", "acme");
        Workspace ws = in.workspace(owner, "ws");
        Project original = new ProjectGenerator(in, 17).project(owner, ws, List.of());
        in.store.members.save(new Member(original.id(), viewer.id(), Role.VIEWER, in.clock.instant()));

        Project copy = in.copyProject.execute(new CopyProject.Command(
                viewer, original.id().value(), "workspace_id", "default", "Copy of it", Scope.ORGANIZATION));

        assertThat(copy.name()).isEqualTo("Copy of it");
        assertThat(copy.ownerId()).isEqualTo(viewer.id());
        assertThat(copy.scope()).isEqualTo(Scope.ORGANIZATION);
        assertThat(copy.workspaceId()).isEqualTo(in.workspaces.defaultOf(viewer).id());
        assertThat(in.store.members.roleOf(copy.id(), owner.id())).isEmpty();
    }

    @Test
    void copy_of_a_project_in_another_workspace_than_named_is_not_found() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        Workspace ws = in.workspace(owner, "ws");
        Workspace other = in.workspace(owner, "other");
        Project original = new ProjectGenerator(in, 17).project(owner, ws, List.of());

        assertThatThrownBy(() -> in.copyProject.execute(new CopyProject.Command(
                        owner, original.id().value(), other.id().value(), null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    private static final List<Template> CATALOG = List.of(
            new Template(
                    "churn",
                    "Customer churn",
                    "Predict churn",
                    "marketing",
                    List.of("churn"),
                    new Template.Blueprint(
                            "Churn prediction project",
                            "classification",
                            Map.of("target", "churned"),
                            Map.of("domain", "marketing"))),
            new Template(
                    "risk",
                    "Credit risk",
                    "Score credit risk",
                    "finance",
                    List.of("credit"),
                    new Template.Blueprint(null, "scoring", Map.of(), Map.of())));

    @Test
    void templates_are_listed_in_catalog_order_and_become_projects_with_their_blueprint() {
        Installation in = new Installation(Instant.parse("2026-01-01T00:00:00Z"), CATALOG);
        User owner = in.user("owner@example.com", null);

        assertThat(in.listTemplates.execute()).extracting(Template::id).containsExactly("churn", "risk");

        ImportTemplate.Created first =
                in.importTemplate.execute(new ImportTemplate.Command(owner, "workspace_id", "churn", null, null));
        ImportTemplate.Created second =
                in.importTemplate.execute(new ImportTemplate.Command(owner, null, "churn", null, Scope.ORGANIZATION));
        ImportTemplate.Created named =
                in.importTemplate.execute(new ImportTemplate.Command(owner, null, "risk", "My risk", null));

        Project p = first.project();
        assertThat(p.name()).isEqualTo("Customer churn");
        assertThat(p.description()).isEqualTo("Churn prediction project");
        assertThat(p.type()).isEqualTo("classification");
        assertThat(p.metadata()).containsEntry("domain", "marketing");
        assertThat(in.store.params.latest(p.id()).orElseThrow().params()).containsEntry("target", "churned");
        assertThat(in.store.members.roleOf(p.id(), owner.id())).contains(Role.OWNER);
        assertThat(in.store.events.timeline(p.id()).getFirst().details()).containsEntry("template_id", "churn");
        assertThat(second.project().name()).isEqualTo("Customer churn (2)");
        assertThat(second.project().scope()).isEqualTo(Scope.ORGANIZATION);
        assertThat(named.project().name()).isEqualTo("My risk");
        assertThat(named.project().description()).isEqualTo("Score credit risk");
    }

    @Test
    void an_unknown_template_is_not_found() {
        Installation in = new Installation(Instant.parse("2026-01-01T00:00:00Z"), CATALOG);
        User owner = in.user("owner@example.com", null);

        assertThatThrownBy(() -> in.importTemplate.execute(new ImportTemplate.Command(owner, null, "nope", null, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("template nope not found");
    }
}
