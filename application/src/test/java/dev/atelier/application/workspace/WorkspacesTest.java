package dev.atelier.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.application.TestAtelier;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspacesTest {
    private final TestAtelier atelier = new TestAtelier();
    private final User alice = atelier.user("alice", "acme");
    private final User bob = atelier.user("bob", "acme");
    private final User eve = atelier.user("eve", "evil");

    @Test
    void workspace_id_default_and_nothing_all_mean_the_one_default_workspace() {
        Workspace a = atelier.workspaces.resolve(alice, "workspace_id");
        Workspace b = atelier.workspaces.resolve(alice, "default");
        Workspace c = atelier.workspaces.resolve(alice, null);
        assertThat(a).isEqualTo(b).isEqualTo(c);
        assertThat(a.defaultWorkspace()).isTrue();
        assertThat(atelier.listWorkspaces.execute(alice, Scope.USER)).containsExactly(a);
    }

    @Test
    void only_the_aliases_the_adapter_hands_over_mean_the_default_workspace() {
        Workspaces strict = new Workspaces(
                atelier.store.workspaces, atelier.store, atelier.ids, atelier.clock, java.util.Set.of("mine"));

        assertThat(strict.meansDefault("mine")).isTrue();
        assertThat(strict.meansDefault(" ")).isTrue();
        assertThat(strict.meansDefault(null)).isTrue();
        assertThat(strict.meansDefault("workspace_id")).isFalse();
        assertThatThrownBy(() -> strict.resolve(alice, "workspace_id")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void saving_creates_a_workspace_and_saving_again_with_its_id_updates_it() {
        Workspace created = atelier.saveWorkspace.execute(
                new SaveWorkspace.Command(alice, null, "Finance", "numbers", Map.of("department", "finance"), null));
        Workspace updated = atelier.saveWorkspace.execute(
                new SaveWorkspace.Command(alice, created.id().value(), "Finance 2", null, null, null));
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.name()).isEqualTo("Finance 2");
        assertThat(updated.description()).isEqualTo("numbers");
        assertThat(updated.metadata()).containsEntry("department", "finance");
    }

    @Test
    void another_users_workspace_is_not_found_and_its_id_cannot_be_taken_over() {
        Workspace mine =
                atelier.saveWorkspace.execute(new SaveWorkspace.Command(alice, "ws_alice", "Mine", null, null, null));
        assertThatThrownBy(() -> atelier.loadWorkspace.execute(eve, mine.id().value()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> atelier.saveWorkspace.execute(
                        new SaveWorkspace.Command(eve, "ws_alice", "Stolen", null, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(atelier.loadWorkspace.execute(alice, "ws_alice").workspace().name())
                .isEqualTo("Mine");
    }

    @Test
    void an_organization_workspace_is_visible_to_the_organization_but_only_its_owner_changes_it() {
        Workspace shared = atelier.saveWorkspace.execute(
                new SaveWorkspace.Command(alice, null, "Team", null, null, Scope.ORGANIZATION));
        assertThat(atelier.listWorkspaces.execute(bob, Scope.ORGANIZATION)).containsExactly(shared);
        assertThat(atelier.listWorkspaces.execute(eve, Scope.ORGANIZATION)).isEmpty();
        assertThatThrownBy(() -> atelier.saveWorkspace.execute(
                        new SaveWorkspace.Command(bob, shared.id().value(), "Mine now", null, null, null)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void loading_counts_the_projects_in_the_workspace() {
        atelier.project(alice, "One");
        atelier.project(alice, "Two");
        assertThat(atelier.loadWorkspace.execute(alice, "default").projectCount())
                .isEqualTo(2);
    }

    @Test
    void invalid_workspace_ids_are_rejected() {
        assertThatThrownBy(() -> atelier.workspaces.resolve(alice, "../x")).isInstanceOf(InvalidInputException.class);
    }
}
