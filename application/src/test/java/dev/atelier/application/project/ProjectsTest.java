package dev.atelier.application.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.application.TestAtelier;
import dev.atelier.application.exchange.CopyProject;
import dev.atelier.application.workspace.SaveWorkspace;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectsTest {
    private final TestAtelier atelier = new TestAtelier();
    private final User alice = atelier.user("alice", "acme");
    private final User bob = atelier.user("bob", "acme");
    private final User eve = atelier.user("eve", "evil");

    private List<String> names(User caller, Set<Visibility> visibilities) {
        return atelier
                .listProjects
                .execute(ListProjects.Command.inWorkspace(
                        ProjectQuery.builder(caller)
                                .visibilities(visibilities)
                                .sort(ProjectSort.NAME, true)
                                .page(100, 0)
                                .build(),
                        "workspace_id"))
                .items()
                .stream()
                .map(Project::name)
                .toList();
    }

    @Test
    void a_new_project_starts_with_params_version_zero_an_owner_member_and_a_created_event() {
        Project p = atelier.project(alice, "Financial Risk Analysis");
        var loaded = atelier.loadProject.execute(alice, p.id().value());
        assertThat(loaded.paramHistory()).extracting(v -> v.version()).containsExactly(0);
        assertThat(loaded.role()).isEqualTo(Role.OWNER);
        assertThat(atelier.store.members.roleOf(p.id(), alice.id())).contains(Role.OWNER);
        assertThat(atelier.store.events.timeline(p.id()))
                .extracting(e -> e.type())
                .containsExactly(EventType.CREATED);
    }

    @Test
    void saving_with_an_existing_id_updates_and_keeps_what_was_not_sent() {
        Project p = atelier.saveProject
                .execute(SaveProject.Command.of(
                        alice, "workspace_id", "proj_12345", "First", "desc", Map.of("priority", "high"), null))
                .project();
        var saved = atelier.saveProject.execute(
                SaveProject.Command.of(alice, "workspace_id", "proj_12345", "Renamed", null, null, null));
        assertThat(saved.created()).isFalse();
        assertThat(saved.project().name()).isEqualTo("Renamed");
        assertThat(saved.project().description()).isEqualTo("desc");
        assertThat(saved.project().metadata()).containsEntry("priority", "high");
        assertThat(saved.project().version()).isEqualTo(p.version() + 1);
    }

    @Test
    void names_are_unique_per_owner_and_workspace_but_case_sensitive() {
        atelier.project(alice, "Churn");
        assertThatThrownBy(() -> atelier.project(alice, "Churn"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Churn");
        assertThat(atelier.project(alice, "churn").name()).isEqualTo("churn");
        assertThat(atelier.project(bob, "Churn").name()).isEqualTo("Churn");
    }

    @Test
    void creating_needs_a_name() {
        assertThatThrownBy(() -> atelier.saveProject.execute(
                        SaveProject.Command.of(alice, "workspace_id", null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }

    @Test
    void a_create_without_a_name_is_refused_before_the_default_workspace_is_made() {
        // a create resolves the workspace outside any transaction, so a refusal after the
        // resolution could no longer undo a default workspace made on the way
        assertThatThrownBy(() ->
                        atelier.saveProject.execute(SaveProject.Command.of(bob, null, null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(atelier.store.workspaces.findDefault(bob.id())).isEmpty();
    }

    @Test
    void a_create_in_a_workspace_the_caller_cannot_see_is_not_found_and_stores_nothing() {
        var hidden = atelier.workspaces.defaultOf(eve);
        assertThatThrownBy(() -> atelier.saveProject.execute(
                        SaveProject.Command.of(alice, hidden.id().value(), null, "Sneaky", null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(atelier.store.projects.findByName(hidden.id(), alice.id(), "Sneaky"))
                .isEmpty();
    }

    @Test
    void another_tenants_project_is_not_found_exactly_like_a_missing_one() {
        Project p = atelier.project(alice, "Secret");
        assertThatThrownBy(() -> atelier.loadProject.execute(eve, p.id().value()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("project " + p.id() + " not found");
        assertThatThrownBy(() -> atelier.loadProject.execute(eve, "does-not-exist"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("project does-not-exist not found");
    }

    @Test
    void another_tenant_cannot_overwrite_a_project_by_saving_with_its_id() {
        Project p = atelier.project(alice, "Secret");
        assertThatThrownBy(() -> atelier.saveProject.execute(
                        SaveProject.Command.of(eve, "workspace_id", p.id().value(), "Mine", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(atelier.loadProject.execute(alice, p.id().value()).project().name())
                .isEqualTo("Secret");
    }

    @Test
    void a_viewer_reads_but_cannot_change() {
        Project p = atelier.project(alice, "Shared");
        atelier.store.members.save(new Member(p.id(), bob.id(), Role.VIEWER, atelier.clock.instant()));
        assertThat(atelier.loadProject.execute(bob, p.id().value()).role()).isEqualTo(Role.VIEWER);
        assertThatThrownBy(() -> atelier.saveProject.execute(
                        SaveProject.Command.of(bob, "workspace_id", p.id().value(), "Changed", null, null, null)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("editor");
    }

    @Test
    void an_update_expecting_an_old_version_is_refused() {
        Project p = atelier.project(alice, "Versioned");
        atelier.saveProject.execute(SaveProject.Command.of(alice, null, p.id().value(), "V1", null, null, null));
        var stale = new SaveProject.Command(
                alice, null, p.id().value(), "V2", null, null, null, null, null, null, null, Optional.of(0L));
        assertThatThrownBy(() -> atelier.saveProject.execute(stale)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void listing_shows_own_organization_and_shared_projects_by_scope() {
        atelier.project(alice, "Alice private");
        atelier.saveProject.execute(SaveProject.Command.of(bob, null, null, "Bob org", null, null, Scope.ORGANIZATION));
        Project eves = atelier.project(eve, "Eve shared with alice");
        atelier.store.members.save(new Member(eves.id(), alice.id(), Role.EDITOR, atelier.clock.instant()));
        atelier.project(eve, "Eve private");

        assertThat(names(alice, EnumSet.of(Visibility.USER))).containsExactly("Alice private");
        assertThat(names(alice, EnumSet.of(Visibility.ORGANIZATION))).containsExactly("Bob org");
        assertThat(names(alice, EnumSet.of(Visibility.SHARED))).containsExactly("Eve shared with alice");
        assertThat(names(alice, EnumSet.allOf(Visibility.class)))
                .containsExactly("Alice private", "Bob org", "Eve shared with alice");
    }

    @Test
    void cleanup_without_id_deletes_every_owned_project_in_that_scope_and_nothing_else() {
        atelier.project(alice, "One");
        atelier.project(alice, "Two");
        Project org = atelier.saveProject
                .execute(SaveProject.Command.of(alice, null, null, "Org", null, null, Scope.ORGANIZATION))
                .project();
        Project bobs = atelier.project(bob, "Bob's");
        int deleted =
                atelier.cleanupProjects.execute(new CleanupProjects.Command(alice, "workspace_id", null, Scope.USER));
        assertThat(deleted).isEqualTo(2);
        assertThat(atelier.store.projects.findById(org.id())).isPresent();
        assertThat(atelier.store.projects.findById(bobs.id())).isPresent();
    }

    @Test
    void cleanup_of_one_project_is_for_its_owner_and_an_id_it_cannot_delete_is_not_found() {
        Project p = atelier.project(alice, "Doomed");
        atelier.store.members.save(new Member(p.id(), bob.id(), Role.ADMIN, atelier.clock.instant()));
        assertThatThrownBy(() ->
                        atelier.cleanupProjects.execute(new CleanupProjects.Command(bob, null, p.id().value(), null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() ->
                        atelier.cleanupProjects.execute(new CleanupProjects.Command(eve, null, p.id().value(), null)))
                .as("another tenant's project looks exactly like a missing one")
                .isInstanceOf(NotFoundException.class);
        assertThat(atelier.store.projects.findById(p.id())).isPresent();
        assertThat(atelier.cleanupProjects.execute(new CleanupProjects.Command(alice, null, p.id().value(), null)))
                .isEqualTo(1);
        assertThatThrownBy(() ->
                        atelier.cleanupProjects.execute(new CleanupProjects.Command(alice, null, p.id().value(), null)))
                .as("a second cleanup of the same id")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        atelier.cleanupProjects.execute(new CleanupProjects.Command(alice, null, "no such id!", null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(atelier.store.events.timeline(p.id())).isEmpty();
    }

    @Test
    void cleanup_of_one_project_through_another_workspace_is_not_found_and_deletes_nothing() {
        Project p = atelier.project(alice, "Elsewhere");
        String other = atelier.saveWorkspace
                .execute(new SaveWorkspace.Command(alice, null, "Other", null, null, null))
                .id()
                .value();
        assertThatThrownBy(() -> atelier.cleanupProjects.execute(
                        new CleanupProjects.Command(alice, other, p.id().value(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(atelier.store.projects.findById(p.id())).isPresent();
        assertThat(atelier.cleanupProjects.execute(
                        new CleanupProjects.Command(alice, "workspace_id", p.id().value(), null)))
                .isEqualTo(1);
    }

    @Test
    void a_member_granted_the_owner_role_may_delete_the_project() {
        Project p = atelier.project(alice, "Handed over");
        atelier.store.members.save(new Member(p.id(), bob.id(), Role.OWNER, atelier.clock.instant()));
        atelier.cleanupProjects.deleteOne(bob, p.id().value());
        assertThat(atelier.store.projects.findById(p.id())).isEmpty();
    }

    @Test
    void a_copy_gets_a_new_id_the_callers_ownership_and_a_free_name() {
        Project original = atelier.project(alice, "Financial Analysis");
        atelier.store.members.save(new Member(original.id(), bob.id(), Role.VIEWER, atelier.clock.instant()));
        Project copy = atelier.copyProject.execute(
                new CopyProject.Command(bob, original.id().value(), null, "workspace_id", null, null));
        Project again = atelier.copyProject.execute(
                new CopyProject.Command(bob, original.id().value(), null, "workspace_id", null, null));
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.ownerId()).isEqualTo(bob.id());
        assertThat(copy.name()).isEqualTo("Financial Analysis");
        assertThat(again.name()).isEqualTo("Financial Analysis (2)");
        assertThat(atelier.loadProject.execute(bob, copy.id().value()).paramHistory())
                .hasSize(1);
        assertThat(atelier.store.events.timeline(copy.id()))
                .extracting(e -> e.type())
                .containsExactly(EventType.COPIED);
    }

    @Test
    void copying_a_project_the_caller_cannot_see_is_not_found() {
        Project p = atelier.project(alice, "Private");
        assertThatThrownBy(() -> atelier.copyProject.execute(
                        new CopyProject.Command(eve, p.id().value(), null, null, "X", null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_failed_save_changes_nothing() {
        atelier.project(alice, "Taken");
        long before = atelier.store
                .projects
                .findOwnedIds(atelier.workspaces.defaultOf(alice).id(), alice.id(), Scope.USER)
                .size();
        assertThatThrownBy(() -> atelier.project(alice, "Taken")).isInstanceOf(ConflictException.class);
        assertThat(atelier.store.projects.findOwnedIds(
                        atelier.workspaces.defaultOf(alice).id(), alice.id(), Scope.USER))
                .hasSize((int) before);
    }
}
